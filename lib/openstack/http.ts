import { BerthError } from "@/lib/errors";
import type { Fault } from "./faults";

/** One request as a service's handlers see it: the path inside the service, with its parameters. */
export type ApiRequest = {
  request: Request;
  method: string;
  /** e.g. `/servers/<id>/action`, without the service's mount point and version. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** `http://host:port` as the client addressed it, for the links and the catalogue. */
  origin: string;
  requestId: string;
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

export function noContent(status = 204, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}

export function faultResponse(fault: Fault): Response {
  return json(fault.body, fault.status, fault.headers);
}

/** The origin the client used: links must point back through the same host name and port. */
export function originOf(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0].trim() ?? url.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}

/** The JSON body; an empty body is `{}`. */
export async function readJson(api: ApiRequest): Promise<Record<string, unknown>> {
  const text = await api.request.text();
  if (!text.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BerthError("INVALID_INPUT", "The request body is not valid JSON.");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new BerthError("INVALID_INPUT", "The request body must be a JSON object.");
  return body as Record<string, unknown>;
}

/** `body[key]` as an object, or a 400 naming what is missing (Nova's bodies wrap everything: `{"server": {...}}`). */
export function member(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = body[key];
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new BerthError("INVALID_INPUT", `The request body must have a "${key}" object.`, { [key]: "is required" });
  }
  return value as Record<string, unknown>;
}

/** A time as OpenStack prints it: ISO 8601 in UTC without milliseconds (`2026-11-23T13:10:00Z`). */
export function isoTime(date: Date | null | undefined): string | null {
  return date ? date.toISOString().replace(/\.\d{3}Z$/, "Z") : null;
}

/** Nova's usage times have microseconds and no zone (`2026-11-23T13:10:00.000000`). */
export function isoMicros(date: Date | null | undefined): string | null {
  return date ? date.toISOString().replace(/\.(\d{3})Z$/, ".$1000") : null;
}

/** An ISO 8601 time from a query or body; OpenStack often leaves the zone out, meaning UTC. */
export function parseTime(value: string, name: string): Date {
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  if (Number.isNaN(date.getTime())) throw new BerthError("INVALID_INPUT", `Invalid ${name}: ${value} is not an ISO 8601 time.`, { [name]: "not an ISO 8601 time" });
  return date;
}
