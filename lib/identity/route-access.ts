import "server-only";
import { db } from "@/lib/db/client";
import { projectRole } from "./access";
import { can, type Role } from "./permissions";
import { currentSessionToken } from "./request-user";
import { resolveSession, type SessionUser } from "./sessions";

export type ProjectAccess = { user: SessionUser; role: Role; sessionToken: string };

/**
 * Route handlers' guard (they answer JSON or streams, not pages): the caller's access to a
 * project, or why not. Non-members get "not-found", so a project's existence stays hidden.
 */
export async function projectAccessForRoute(projectId: string): Promise<ProjectAccess | "unauthenticated" | "not-found"> {
  const sessionToken = await currentSessionToken();
  const user = await resolveSession(db(), sessionToken);
  if (!user || !sessionToken) return "unauthenticated";
  const role = await projectRole(db(), user, projectId);
  if (!role || !can(role, "project:view")) return "not-found";
  return { user, role, sessionToken };
}

/**
 * For long-lived responses: the role the session still holds in the project, or why it ended
 * (signed out, expired, disabled, or no longer a member).
 */
export async function recheckAccess(access: ProjectAccess, projectId: string): Promise<{ role: Role } | { ended: string }> {
  const user = await resolveSession(db(), access.sessionToken);
  if (!user) return { ended: "Your session has ended. Sign in again." };
  const role = await projectRole(db(), user, projectId);
  if (!role || !can(role, "project:view")) return { ended: "You no longer have access to this project." };
  return { role };
}

/** The JSON answer for a refused route request. */
export function refusedResponse(reason: "unauthenticated" | "not-found"): Response {
  return reason === "unauthenticated"
    ? Response.json({ error: { code: "UNAUTHENTICATED", message: "Your session has ended. Sign in again." } }, { status: 401 })
    : Response.json({ error: { code: "NOT_FOUND", message: "Project not found." } }, { status: 404 });
}

type ProjectRouteContext = { params: Promise<{ projectId: string }> };

/** A route handler under /api/projects/[projectId] that runs only for the project's members. */
export function projectRoute(handler: (request: Request, projectId: string, access: ProjectAccess) => Promise<Response>) {
  return async (request: Request, { params }: ProjectRouteContext): Promise<Response> => {
    const { projectId } = await params;
    const access = await projectAccessForRoute(projectId);
    if (typeof access === "string") return refusedResponse(access);
    return handler(request, projectId, access);
  };
}
