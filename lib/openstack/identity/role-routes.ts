import "server-only";
import type { Db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { isUuid } from "@/lib/identity/access";
import { setMembership } from "@/lib/identity/manage-identity";
import type { Role } from "@/lib/identity/permissions";
import { auditActorOf, requirePermission, type IdentityContext } from "../access";
import { json, noContent, type ApiRequest } from "../http";
import { DEFAULT_DOMAIN } from "./domain";
import { isKeystoneRole, KEYSTONE_ROLES, roleAtLeast, roleRef } from "./roles";
import { requireCaller, type Caller } from "./tokens";
import { listBody } from "./views";

function roleOrThrow(id: string): Role {
  if (!isKeystoneRole(id)) throw new BerthError("NOT_FOUND", `Could not find role: ${id}.`);
  return id;
}

export async function list(api: ApiRequest, { caller }: IdentityContext) {
  requireCaller(caller);
  const name = api.query.get("name");
  const roles = KEYSTONE_ROLES.filter((r) => !name || r === name).map((r) => roleRef(r, api.origin));
  return json(listBody("roles", roles, api.origin, api.path));
}

export async function show(api: ApiRequest, { caller }: IdentityContext) {
  requireCaller(caller);
  return json({ role: roleRef(roleOrThrow(api.params.id), api.origin) });
}

/**
 * The user and project a grant names, both of which must exist. Only admins may look at or change
 * anyone's grants; a user may look at their own.
 */
async function grantTarget(db: Db, caller: Caller, api: ApiRequest, change: boolean) {
  if (change || api.params.userId !== caller.user.id) requirePermission(caller, "user:manage");
  const [user, project] = await Promise.all([
    isUuid(api.params.userId) ? db.user.findUnique({ where: { id: api.params.userId } }) : null,
    isUuid(api.params.projectId) ? db.project.findUnique({ where: { id: api.params.projectId } }) : null,
  ]);
  if (!user) throw new BerthError("NOT_FOUND", `Could not find user: ${api.params.userId}.`);
  if (!project) throw new BerthError("NOT_FOUND", `Could not find project: ${api.params.projectId}.`);
  const membership = await db.membership.findUnique({ where: { userId_projectId: { userId: user.id, projectId: project.id } } });
  return { user, project, held: membership?.role ?? null };
}

/** The roles a user holds on a project: their membership's, plus admin for the cloud's admins. */
export async function listGrants(api: ApiRequest, { db, caller }: IdentityContext) {
  const { user, held } = await grantTarget(db, requireCaller(caller), api, false);
  const roles: Role[] = [...(user.isAdmin ? (["admin"] as const) : []), ...(held ? [held] : [])];
  return json(listBody("roles", roles.map((r) => roleRef(r, api.origin)), api.origin, api.path));
}

export async function checkGrant(api: ApiRequest, { db, caller }: IdentityContext) {
  const role = roleOrThrow(api.params.roleId);
  const { user, held } = await grantTarget(db, requireCaller(caller), api, false);
  if (held !== role && !(role === "admin" && user.isAdmin)) throw new BerthError("NOT_FOUND", "Could not find role assignment.");
  return noContent();
}

/**
 * `openstack role add --project P --user U member`. Berth holds one role per user and project, so
 * granting a role below the one held changes nothing (it is implied), and granting a higher one
 * replaces it. Berth's admin is cloud-wide, not a project role.
 */
export async function grant(api: ApiRequest, { db, caller }: IdentityContext) {
  const me = requireCaller(caller);
  const role = roleOrThrow(api.params.roleId);
  const { user, project, held } = await grantTarget(db, me, api, true);
  if (role === "admin") {
    if (user.isAdmin) return noContent();
    throw new BerthError("INVALID_INPUT", "In Berth admin is a cloud-wide role held by the user, not a role in one project; grant member or reader.");
  }
  if (!held || !roleAtLeast(held, role)) await setMembership(db, auditActorOf(me), { userId: user.id, projectId: project.id, role });
  return noContent();
}

/** Revoking the role a user holds removes them from the project. */
export async function revokeGrant(api: ApiRequest, { db, caller }: IdentityContext) {
  const me = requireCaller(caller);
  const role = roleOrThrow(api.params.roleId);
  const { user, project, held } = await grantTarget(db, me, api, true);
  if (held !== role) throw new BerthError("NOT_FOUND", "Could not find role assignment.");
  await setMembership(db, auditActorOf(me), { userId: user.id, projectId: project.id, role: null });
  return noContent();
}

/** `openstack role assignment list`: memberships as project assignments, the cloud's admins as system ones. */
export async function listAssignments(api: ApiRequest, { db, caller }: IdentityContext) {
  const me = requireCaller(caller);
  const userId = api.query.get("user.id");
  const projectId = api.query.get("scope.project.id");
  const roleId = api.query.get("role.id");
  const names = api.query.has("include_names") && api.query.get("include_names") !== "false";
  if (userId !== me.user.id) requirePermission(me, "user:manage");
  if ((userId && !isUuid(userId)) || (projectId && !isUuid(projectId)) || (roleId && !isKeystoneRole(roleId))) {
    return json(listBody("role_assignments", [], api.origin, api.path));
  }
  // Admin is never a membership role: it is held cloud-wide.
  const memberships =
    roleId === "admin"
      ? []
      : await db.membership.findMany({
          where: { ...(userId ? { userId } : {}), ...(projectId ? { projectId } : {}), ...(roleId ? { role: roleId as "member" | "reader" } : {}) },
          include: { user: true, project: true },
          orderBy: [{ project: { name: "asc" } }, { user: { username: "asc" } }],
        });
  const admins = !projectId && (!roleId || roleId === "admin") ? await db.user.findMany({ where: { isAdmin: true, ...(userId ? { id: userId } : {}) } }) : [];
  const userRef = (u: { id: string; username: string }) => ({ id: u.id, ...(names ? { name: u.username, domain: DEFAULT_DOMAIN } : {}) });
  const assignments = [
    ...memberships.map((m) => ({
      role: { id: m.role, ...(names ? { name: m.role } : {}) },
      user: userRef(m.user),
      scope: { project: { id: m.project.id, ...(names ? { name: m.project.name, domain: DEFAULT_DOMAIN } : {}) } },
      links: { assignment: `${api.origin}/identity/v3/projects/${m.projectId}/users/${m.userId}/roles/${m.role}` },
    })),
    ...admins.map((u) => ({
      role: { id: "admin", ...(names ? { name: "admin" } : {}) },
      user: userRef(u),
      scope: { system: { all: true } },
      links: { assignment: `${api.origin}/identity/v3/system/users/${u.id}/roles/admin` },
    })),
  ];
  return json(listBody("role_assignments", assignments, api.origin, api.path));
}
