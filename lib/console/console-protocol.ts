/**
 * What the console's browser and server say to each other. Binary frames carry the terminal's
 * bytes both ways; text frames carry control messages: resizes from the browser, and from the
 * server `READY` once the shell runs (the socket opens before it does). When the server ends a
 * console it says why in the close frame's reason (at most 123 bytes), which the page shows.
 */

export type ConsoleMessage = { type: "resize"; cols: number; rows: number };

/** The server's word that the shell runs. */
export const READY = JSON.stringify({ type: "ready" });
export type ConsoleClose = { code: number; reason: string };

const MAX_SIZE = 1000;

/** A control message from the browser, or null for anything else. */
export function consoleMessage(text: string): ConsoleMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const { type, cols, rows } = (value ?? {}) as Record<string, unknown>;
  const fits = (n: unknown): n is number => Number.isInteger(n) && (n as number) > 0 && (n as number) <= MAX_SIZE;
  return type === "resize" && fits(cols) && fits(rows) ? { type, cols, rows } : null;
}

export const CLOSE = {
  exited: (exitCode: number | null): ConsoleClose => ({
    code: 1000,
    reason: exitCode === null || exitCode === 0 ? "The shell exited." : `The shell exited with code ${exitCode}.`,
  }),
  clientLeft: { code: 1001, reason: "" },
  failed: (why: string): ConsoleClose => ({ code: 1011, reason: truncate(`Could not open a shell: ${why}`) }),
  signedOut: { code: 4401, reason: "Your session ended. Sign in again to reconnect." },
  accessLost: { code: 4403, reason: "You no longer have access to this instance." },
  notRunning: (name: string): ConsoleClose => ({ code: 4409, reason: truncate(`${name} is not running: start it to open a shell.`) }),
  stopped: { code: 4410, reason: "The instance stopped." },
  deleting: { code: 4410, reason: "The instance is being deleted." },
  restarting: { code: 4412, reason: "The instance is restarting: reconnect once it runs again." },
  paused: { code: 4411, reason: "The instance was paused." },
  serverStopping: { code: 1012, reason: "Berth is restarting; reconnect in a moment." },
} as const satisfies Record<string, ConsoleClose | ((...args: never[]) => ConsoleClose)>;

/** Close reasons are limited to 123 bytes of UTF-8. */
function truncate(reason: string): string {
  const bytes = new TextEncoder().encode(reason);
  if (bytes.length <= 123) return reason;
  return `${new TextDecoder().decode(bytes.slice(0, 119)).replace(/\uFFFD$/, "")}…`;
}
