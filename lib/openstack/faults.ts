import { isBerthError, type ErrorCode } from "@/lib/errors";

/**
 * How Berth's errors look to OpenStack clients. Nova and Glance answer `{"<faultName>": {code,
 * message}}`; Keystone (and the token check in front of every service, as keystonemiddleware does)
 * answers `{"error": {code, title, message}}`. Clients print the message and the status, so both
 * must be the ones they expect.
 */
export type FaultStyle = "nova" | "keystone";

export type Fault = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  // Nova refuses an over-quota create with 403, not 413.
  QUOTA_EXCEEDED: 403,
  NO_VALID_HOST: 409,
  HOST_UNAVAILABLE: 409,
  DOCKER_ERROR: 500,
  INTERNAL: 500,
};

// Nova's fault names (nova/api/openstack/wsgi.py), by status; the quota one is named by code below.
const NOVA_NAMES: Record<number, string> = {
  400: "badRequest",
  401: "unauthorized",
  403: "forbidden",
  404: "itemNotFound",
  405: "badMethod",
  409: "conflictingRequest",
  413: "overLimit",
  415: "badMediaType",
  429: "overLimit",
  501: "notImplemented",
  503: "serviceUnavailable",
};

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  409: "Conflict",
  413: "Request Entity Too Large",
  415: "Unsupported Media Type",
  500: "Internal Server Error",
  501: "Not Implemented",
};

export const INTERNAL_MESSAGE = "The server has either erred or is incapable of performing the requested operation.";

/** A fault with a given status and message, in a service's style. */
export function fault(style: FaultStyle, status: number, message: string, name?: string): Fault {
  if (style === "keystone") {
    return { status, body: { error: { code: status, title: TITLES[status] ?? "Error", message } } };
  }
  return { status, body: { [name ?? NOVA_NAMES[status] ?? "computeFault"]: { code: status, message } } };
}

/** A thrown error as a fault: Berth's own errors keep their message; anything else is a plain 500. */
export function faultOf(error: unknown, style: FaultStyle): Fault {
  if (!isBerthError(error)) return fault(style, 500, INTERNAL_MESSAGE);
  const status = STATUS[error.code];
  const message = status === 500 && error.code === "INTERNAL" ? INTERNAL_MESSAGE : error.message;
  return fault(style, status, message, error.code === "QUOTA_EXCEEDED" ? "overLimit" : undefined);
}

/** The 401 every service answers without a valid token; clients re-authenticate on it. */
export function unauthorized(identityUrl: string, message = "The request you have made requires authentication."): Fault {
  return { ...fault("keystone", 401, message), headers: { "WWW-Authenticate": `Keystone uri="${identityUrl}"` } };
}

/** Thrown where a call needs a valid token and has none; answered with `unauthorized`. */
export class TokenRequired extends Error {
  constructor(message = "The request you have made requires authentication.") {
    super(message);
    this.name = "TokenRequired";
  }
}
