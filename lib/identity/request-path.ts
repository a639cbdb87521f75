/**
 * Where a request was going, so sign-in can send the user back there. Pure on purpose: the
 * proxy, the page guards and the sign-in action all share it.
 */

/** Set by the proxy on page requests; page guards read it to build the sign-in link. */
export const REQUEST_PATH_HEADER = "x-berth-path";

const SIGN_IN = "/sign-in";
const PROBE_ORIGIN = "http://berth.invalid";

/** `value` when it is a path on this site (never another origin, never sign-in itself), else null. */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return null;
  }
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return null;
  }
  // The URL parser drops tabs and newlines, so "/\t/evil.example" would become "//evil.example".
  if (url.origin !== PROBE_ORIGIN || url.pathname === SIGN_IN) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page, remembering `next` when it is safe to return to. */
export function signInPath(next: string | null | undefined): string {
  const safe = safeNextPath(next);
  return safe ? `${SIGN_IN}?next=${encodeURIComponent(safe)}` : SIGN_IN;
}
