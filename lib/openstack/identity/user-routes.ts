import "server-only";
import type { Db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { isUuid } from "@/lib/identity/access";
import { deleteUser } from "@/lib/identity/delete-identity";
import { createUser, resetPassword, setUserEnabled } from "@/lib/identity/manage-identity";
import { verifyPassword } from "@/lib/identity/password";
import { auditActorOf, isAdmin, requirePermission, type IdentityContext } from "../access";
import { TokenRequired } from "../faults";
import { json, member, noContent, readJson, type ApiRequest } from "../http";
import { isDefaultDomainId } from "./domain";
import { requireCaller, type Caller } from "./tokens";
import { listBody, projectView, userView } from "./views";

const notFound = (id: string) => new BerthError("NOT_FOUND", `Could not find user: ${id}.`);

async function userOrThrow(db: Db, id: string) {
  const user = isUuid(id) ? await db.user.findUnique({ where: { id } }) : null;
  if (!user) throw notFound(id);
  return user;
}

/** Users see themselves; admins see everyone. */
async function visibleUser(db: Db, caller: Caller, id: string) {
  if (id !== caller.user.id && !isAdmin(caller)) throw notFound(id);
  return userOrThrow(db, id);
}

export async function list(api: ApiRequest, { db, caller }: IdentityContext) {
  const me = requireCaller(caller);
  requirePermission(me, "user:manage");
  const name = api.query.get("name");
  const enabled = api.query.get("enabled");
  if (!isDefaultDomainId(api.query.get("domain_id"))) return json(listBody("users", [], api.origin, api.path));
  const users = await db.user.findMany({
    where: { ...(name ? { username: name } : {}), ...(enabled === null ? {} : { enabled: !["false", "0", "no"].includes(enabled.toLowerCase()) }) },
    orderBy: { username: "asc" },
  });
  return json(listBody("users", users.map((u) => userView(u, api.origin)), api.origin, api.path));
}

export async function show(api: ApiRequest, { db, caller }: IdentityContext) {
  return json({ user: userView(await visibleUser(db, requireCaller(caller), api.params.id), api.origin) });
}

/** Keystone's `description` is Berth's display name; the cloud-wide admin flag is not set through this API. */
export async function create(api: ApiRequest, { db, caller }: IdentityContext) {
  const me = requireCaller(caller);
  requirePermission(me, "user:manage");
  const input = member(await readJson(api), "user");
  if (!isDefaultDomainId(input.domain_id as string | undefined)) throw new BerthError("INVALID_INPUT", "Users live in the Default domain.");
  let user = await createUser(db, auditActorOf(me), {
    username: input.name as string,
    password: input.password as string,
    displayName: (input.description as string | undefined) || undefined,
  });
  if (input.enabled === false) user = await setUserEnabled(db, auditActorOf(me), user.id, false);
  return json({ user: userView(user, api.origin) }, 201);
}

/** Enabled and password can change; disabling ends the user's sessions and tokens at once. */
export async function update(api: ApiRequest, { db, caller }: IdentityContext) {
  const me = requireCaller(caller);
  requirePermission(me, "user:manage");
  const changes = member(await readJson(api), "user");
  let user = await userOrThrow(db, api.params.id);
  const unsupported = Object.entries(changes).filter(([k, v]) => {
    if (k === "enabled" || k === "password") return false;
    if (k === "name") return v !== user.username;
    if (k === "description") return (v || null) !== user.displayName;
    if (k === "domain_id") return !isDefaultDomainId(v as string | null);
    return k !== "options" && k !== "email" && k !== "default_project_id";
  });
  if (unsupported.length) throw new BerthError("INVALID_INPUT", `Berth cannot change ${unsupported.map(([k]) => k).join(", ")} of a user.`);
  if (typeof changes.password === "string") {
    await resetPassword(db, auditActorOf(me), user.id, changes.password);
  }
  if (typeof changes.enabled === "boolean" && changes.enabled !== user.enabled) {
    user = await setUserEnabled(db, auditActorOf(me), user.id, changes.enabled);
  }
  return json({ user: userView(user, api.origin) });
}

export async function remove(api: ApiRequest, { db, caller }: IdentityContext) {
  const me = requireCaller(caller);
  requirePermission(me, "user:manage");
  await deleteUser(db, auditActorOf(me), (await userOrThrow(db, api.params.id)).id);
  return noContent();
}

/** `openstack user password set`: a user changes their own password, proving the old one. */
export async function changePassword(api: ApiRequest, { db, caller }: IdentityContext) {
  const me = requireCaller(caller);
  if (api.params.id !== me.user.id) throw notFound(api.params.id);
  const input = member(await readJson(api), "user");
  const user = await userOrThrow(db, me.user.id);
  if (typeof input.original_password !== "string" || !(await verifyPassword(input.original_password, user.passwordHash))) {
    throw new TokenRequired("The original password is not correct.");
  }
  await resetPassword(db, auditActorOf(me), user.id, input.password as string);
  return noContent();
}

export async function projectsOfUser(api: ApiRequest, { db, caller }: IdentityContext) {
  const user = await visibleUser(db, requireCaller(caller), api.params.id);
  const projects = await db.project.findMany({ where: { memberships: { some: { userId: user.id } } }, orderBy: { name: "asc" } });
  return json(listBody("projects", projects.map((p) => projectView(p, api.origin)), api.origin, api.path));
}
