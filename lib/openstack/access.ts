import type { AuditActor } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { can, type Permission, type Role } from "@/lib/identity/permissions";
import type { Actor } from "@/lib/instances/request-action";
import type { Caller } from "./identity/tokens";
import type { Microversion } from "./compute/microversion";

/** A caller whose token is scoped to a project (what Nova and Glance need). */
export type ScopedCaller = Caller & { project: { id: string; name: string }; role: Role };

export type IdentityContext = { db: Db; caller: Caller | null };
export type ComputeContext = { db: Db; caller: ScopedCaller; version: Microversion };
export type ImageContext = { db: Db; caller: ScopedCaller };

export function isScoped(caller: Caller): caller is ScopedCaller {
  return caller.project !== null && caller.role !== null;
}

/** The admin role counts only on the token that carries it (an application credential may hold less). */
export function isAdmin(caller: Caller): boolean {
  return caller.role === "admin";
}

/** The same refusal the dashboard's action client gives, for the same permission table. */
export function requirePermission(caller: Caller, permission: Permission): void {
  if (!can(caller.role, permission)) {
    throw new BerthError("FORBIDDEN", `Your role (${caller.role ?? "none"}) does not allow ${permission}.`);
  }
}

/**
 * The actor for Berth's instance calls: a member acts inside the token's project; an admin, like
 * Nova's, may reach any project's instances by id.
 */
export function actorOf(caller: ScopedCaller, requestId: string): Actor {
  return isAdmin(caller)
    ? { userId: caller.user.id, isAdmin: true, requestId }
    : { userId: caller.user.id, isAdmin: false, projectId: caller.project.id, requestId };
}

export function auditActorOf(caller: Caller): AuditActor {
  return { id: caller.user.id, username: caller.user.username };
}
