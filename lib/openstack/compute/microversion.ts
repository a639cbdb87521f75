/**
 * Nova's microversions: the client asks with `OpenStack-API-Version: compute 2.N` (or the older
 * `X-OpenStack-Nova-API-Version: 2.N`), no header means 2.1, `latest` means the newest Berth
 * honours. Every response says which version it speaks. Berth honours 2.1 to 2.79: each change in
 * that range that touches a call Berth serves is applied (see docs/openstack-api.md).
 */
export const MIN_MINOR = 1;
export const MAX_MINOR = 79;
export const MIN_VERSION = `2.${MIN_MINOR}`;
export const MAX_VERSION = `2.${MAX_MINOR}`;

export type Microversion = { minor: number };

export type Negotiated = { ok: true; version: Microversion } | { ok: false; status: 400 | 406; message: string };

/** The compute entry of `OpenStack-API-Version` (it may list several services, comma-separated). */
function requested(headers: Headers): string | null {
  const modern = headers.get("openstack-api-version");
  if (modern) {
    for (const entry of modern.split(",")) {
      const [service, value] = entry.trim().split(/\s+/);
      if (service?.toLowerCase() === "compute") return value ?? "";
    }
  }
  return headers.get("x-openstack-nova-api-version");
}

export function negotiate(headers: Headers): Negotiated {
  const asked = requested(headers)?.trim();
  if (!asked) return { ok: true, version: { minor: MIN_MINOR } };
  if (asked.toLowerCase() === "latest") return { ok: true, version: { minor: MAX_MINOR } };
  const match = /^(\d+)\.(\d+)$/.exec(asked);
  if (!match) return { ok: false, status: 400, message: `Invalid API version request string ${asked}.` };
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major !== 2 || minor < MIN_MINOR || minor > MAX_MINOR) {
    return {
      ok: false,
      status: 406,
      message: `Version ${asked} is not supported by the API. Minimum is ${MIN_VERSION} and maximum is ${MAX_VERSION}.`,
    };
  }
  return { ok: true, version: { minor } };
}

export function atLeast(version: Microversion, minor: number): boolean {
  return version.minor >= minor;
}

export function versionString(version: Microversion): string {
  return `2.${version.minor}`;
}

/** What every compute response carries, so clients know what they got. */
export function versionHeaders(version: Microversion): Record<string, string> {
  return {
    "OpenStack-API-Version": `compute ${versionString(version)}`,
    "X-OpenStack-Nova-API-Version": versionString(version),
    Vary: "OpenStack-API-Version, X-OpenStack-Nova-API-Version",
  };
}
