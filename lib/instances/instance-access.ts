import "server-only";
import type { Db } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import type { Instance } from "@/lib/db/generated/client";
import { BerthError, type ErrorCode } from "@/lib/errors";
import { isUuid, projectRole } from "@/lib/identity/access";
import { can, type Permission, type Role } from "@/lib/identity/permissions";
import { resolveSession } from "@/lib/identity/sessions";
import type { SessionUser } from "@/lib/identity/sessions";
import { findInstance } from "./request-action";

export type InstanceAccess = { user: SessionUser; role: Role; instance: Instance };
export type InstanceTarget = { instanceId: string; projectId?: string };

const notFound = () => new BerthError("NOT_FOUND", "Instance not found.");

// No next/* imports here: the console's socket server loads this outside Next's request context.

/**
 * Who may do what to one instance, for routes and sockets outside the action client. Signed out:
 * UNAUTHENTICATED. Not a member of its project, or no such instance: NOT_FOUND, so another
 * project's instance ids reveal nothing. A member whose role lacks the permission: FORBIDDEN.
 * Without `projectId` (the console socket's path names only the instance) the instance's own
 * project is the one checked.
 */
export async function authorizeInstance(db: Db, user: SessionUser | null, target: InstanceTarget, permission: Permission): Promise<InstanceAccess> {
  if (!user) throw new BerthError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  const projectId = target.projectId ?? (await projectOf(db, target.instanceId));
  const role = projectId ? await projectRole(db, user, projectId) : null;
  if (!projectId || !role || !can(role, "project:view")) throw notFound();
  const instance = await findInstance(db, { userId: user.id, isAdmin: user.isAdmin, projectId }, target.instanceId);
  if (!can(role, permission)) throw new BerthError("FORBIDDEN", `Your role (${role}) does not allow ${permission}.`);
  return { user, role, instance };
}

/** The same, for a session token: what long-lived streams and sockets check again as they run. */
export async function authorizeSession(token: string | undefined, target: InstanceTarget, permission: Permission): Promise<InstanceAccess> {
  return authorizeInstance(db(), await resolveSession(db(), token), target, permission);
}

async function projectOf(db: Db, instanceId: string): Promise<string | null> {
  if (!isUuid(instanceId)) return null;
  const row = await db.instance.findFirst({ where: { id: instanceId, deletedAt: null }, select: { projectId: true } });
  return row?.projectId ?? null;
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  HOST_UNAVAILABLE: 503,
  DOCKER_ERROR: 502,
};

/** The HTTP status for a refusal or failure; anything unexpected is the server's fault. */
export function httpStatusOf(error: unknown): number {
  return (error instanceof BerthError && HTTP_STATUS[error.code]) || 500;
}

/** A route's JSON answer for an error; unexpected errors are rethrown for Next to log. */
export function errorResponse(error: unknown): Response {
  if (!(error instanceof BerthError)) throw error;
  const body = { code: error.code, message: error.message, ...(error.fields && { fields: error.fields }) };
  return Response.json({ error: body }, { status: httpStatusOf(error), headers: { "cache-control": "no-store" } });
}

/**
 * For streams that outlive their request: checks the session and access again every `everyMs`
 * and calls `onLost` with the reason once they are gone. Returns how to stop checking.
 */
export function keepAuthorized(
  token: string | undefined,
  target: InstanceTarget,
  permission: Permission,
  onLost: (message: string) => void,
  everyMs = 15_000,
): () => void {
  const timer = setInterval(() => {
    authorizeSession(token, target, permission).catch((error) => {
      if (error instanceof BerthError && error.code !== "INTERNAL") onLost(error.code === "UNAUTHENTICATED" ? error.message : "You no longer have access to this instance.");
    });
  }, everyMs);
  return () => clearInterval(timer);
}
