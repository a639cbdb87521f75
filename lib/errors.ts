export type ErrorCode =
  | "UNAUTHENTICATED"
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "INVALID_INPUT"
  | "CONFLICT"
  | "QUOTA_EXCEEDED"
  | "NO_VALID_HOST"
  | "HOST_UNAVAILABLE"
  | "DOCKER_ERROR"
  | "INTERNAL";

/** Berth's one error type: a stable code, a message fit for the user, and per-field messages for forms. */
export class BerthError extends Error {
  constructor(
    public code: ErrorCode,
    message: string,
    public fields?: Record<string, string>,
    public details?: string,
  ) {
    super(message);
    this.name = "BerthError";
  }
}

export function isBerthError(e: unknown): e is BerthError {
  return e instanceof BerthError;
}
