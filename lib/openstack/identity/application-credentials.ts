import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { audit } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/client";
import type { ApplicationCredential } from "@/lib/db/generated/client";
import { BerthError } from "@/lib/errors";
import { isUuid, projectRole } from "@/lib/identity/access";
import { hashPassword } from "@/lib/identity/password";
import type { Role } from "@/lib/identity/permissions";
import { parseInput } from "@/lib/validation";
import { auditActorOf, isAdmin, isScoped, type IdentityContext } from "../access";
import { json, member, noContent, parseTime, readJson, type ApiRequest } from "../http";
import { impliedRoles, isKeystoneRole, roleAtLeast } from "./roles";
import { requireCaller, type Caller } from "./tokens";
import { listBody } from "./views";

const credentialSchema = z.object({
  name: z.string().trim().min(1, "is required").max(255, "at most 255 characters"),
  description: z.string().max(1000, "at most 1000 characters").nullish(),
  secret: z.string().min(16, "at least 16 characters").max(1024).nullish(),
  expires_at: z.string().nullish(),
  roles: z.array(z.object({ id: z.string().optional(), name: z.string().optional() })).nullish(),
  unrestricted: z.boolean().nullish(),
  access_rules: z.array(z.unknown()).max(0, "Berth does not support access rules").nullish(),
});

/** The caller's own credentials only (admins may read and delete anyone's). */
function ownerCheck(caller: Caller, userId: string, change: "create" | "read" | "delete") {
  if (userId === caller.user.id) return;
  if (change !== "create" && isAdmin(caller)) return;
  throw new BerthError("NOT_FOUND", `Could not find user: ${userId}.`);
}

async function view(db: Db, credential: ApplicationCredential & { user: { id: string; username: string; displayName: string | null; isAdmin: boolean } }, origin: string) {
  // No stored role: the credential does whatever its user may do in the project now.
  const role: Role | null = credential.role ?? (await projectRole(db, credential.user, credential.projectId));
  return {
    id: credential.id,
    name: credential.name,
    description: credential.description || null,
    expires_at: credential.expiresAt ? credential.expiresAt.toISOString() : null,
    project_id: credential.projectId,
    user_id: credential.userId,
    roles: (role ? impliedRoles(role) : []).map((r) => ({ id: r, name: r, domain_id: null })),
    unrestricted: credential.unrestricted,
    access_rules: [],
    links: { self: `${origin}/identity/v3/users/${credential.userId}/application_credentials/${credential.id}` },
  };
}

/**
 * `openstack application credential create`: a secret for scripts, bound to the token's project,
 * limited to the highest role asked for (never more than the user holds). The secret is shown once
 * and stored only as a hash.
 */
export async function create(api: ApiRequest, { db, caller }: IdentityContext) {
  const me = requireCaller(caller);
  ownerCheck(me, api.params.userId, "create");
  if (!isScoped(me)) throw new BerthError("FORBIDDEN", "Create application credentials with a token scoped to the project they are for.");
  if (me.applicationCredential && !me.applicationCredential.unrestricted) {
    throw new BerthError("FORBIDDEN", "A restricted application credential cannot create application credentials.");
  }
  const input = parseInput(credentialSchema, member(await readJson(api), "application_credential"), "application credential");
  let role: Role | null = null;
  for (const ref of input.roles ?? []) {
    const name = ref.name ?? ref.id ?? "";
    if (!isKeystoneRole(name) || !roleAtLeast(me.role, name)) throw new BerthError("FORBIDDEN", `You do not hold role ${name} in project ${me.project.name}.`);
    if (!role || roleAtLeast(name, role)) role = name;
  }
  const expiresAt = input.expires_at ? parseTime(input.expires_at, "expires_at") : null;
  if (expiresAt && expiresAt <= new Date()) throw new BerthError("INVALID_INPUT", "expires_at is in the past.", { expires_at: "in the past" });
  if (await db.applicationCredential.findUnique({ where: { userId_name: { userId: me.user.id, name: input.name } } })) {
    throw new BerthError("CONFLICT", `You already have an application credential named ${input.name}.`);
  }
  const secret = input.secret ?? randomBytes(48).toString("base64url");
  const credential = await db.$transaction(async (tx) => {
    const created = await tx.applicationCredential.create({
      data: {
        userId: me.user.id,
        projectId: me.project.id,
        name: input.name,
        description: input.description ?? "",
        secretHash: await hashPassword(secret),
        role: role === "admin" ? null : role,
        unrestricted: input.unrestricted ?? false,
        expiresAt,
      },
      include: { user: true },
    });
    await audit(tx, auditActorOf(me), "application-credential.create", { type: "user", id: me.user.id, name: `${me.user.username}/${created.name}` }, null, { ...created, secretHash: "[hidden]" });
    return created;
  });
  return json({ application_credential: { ...(await view(db, credential, api.origin)), secret } }, 201);
}

export async function list(api: ApiRequest, { db, caller }: IdentityContext) {
  const me = requireCaller(caller);
  ownerCheck(me, api.params.userId, "read");
  const name = api.query.get("name");
  const credentials = isUuid(api.params.userId)
    ? await db.applicationCredential.findMany({ where: { userId: api.params.userId, ...(name ? { name } : {}) }, include: { user: true }, orderBy: { name: "asc" } })
    : [];
  const views = await Promise.all(credentials.map((c) => view(db, c, api.origin)));
  return json(listBody("application_credentials", views, api.origin, api.path));
}

async function credentialOrThrow(db: Db, caller: Caller, api: ApiRequest, change: "read" | "delete") {
  ownerCheck(caller, api.params.userId, change);
  const credential =
    isUuid(api.params.userId) && isUuid(api.params.id)
      ? await db.applicationCredential.findFirst({ where: { id: api.params.id, userId: api.params.userId }, include: { user: true } })
      : null;
  if (!credential) throw new BerthError("NOT_FOUND", `Could not find application credential: ${api.params.id}.`);
  return credential;
}

export async function show(api: ApiRequest, { db, caller }: IdentityContext) {
  const credential = await credentialOrThrow(db, requireCaller(caller), api, "read");
  return json({ application_credential: await view(db, credential, api.origin) });
}

/** Deleting a credential ends the tokens it issued (they reference it). */
export async function remove(api: ApiRequest, { db, caller }: IdentityContext) {
  const me = requireCaller(caller);
  const credential = await credentialOrThrow(db, me, api, "delete");
  await db.$transaction(async (tx) => {
    await tx.applicationCredential.delete({ where: { id: credential.id } });
    await audit(tx, auditActorOf(me), "application-credential.delete", { type: "user", id: credential.userId, name: `${credential.user.username}/${credential.name}` }, { ...credential, secretHash: "[hidden]" }, null);
  });
  return noContent();
}
