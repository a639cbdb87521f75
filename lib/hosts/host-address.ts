import type { Host } from "@/lib/db/generated/client";

/** The address a host's engine is reached at: a tcp/ssh endpoint's host name, or this machine for a unix socket. */
export function endpointHostOf(endpoint: string): string {
  if (endpoint.startsWith("unix://")) return "127.0.0.1";
  try {
    return new URL(endpoint).hostname;
  } catch {
    return "";
  }
}

/** Where a host's published ports are reached: its public address, else its engine's address, else this machine. */
export function publicAddressOf(host: Pick<Host, "publicAddress" | "endpoint">): string {
  return host.publicAddress || endpointHostOf(host.endpoint) || "127.0.0.1";
}
