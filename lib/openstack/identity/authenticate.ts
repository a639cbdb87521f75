import "server-only";
import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/db/generated/client";
import { BerthError } from "@/lib/errors";
import { isUuid, projectRole } from "@/lib/identity/access";
import { verifyPassword } from "@/lib/identity/password";
import { TokenRequired } from "../faults";
import { isDefaultDomain } from "./domain";
import { resolveToken, type TokenGrant } from "./tokens";

type Obj = Record<string, unknown>;

const obj = (value: unknown): Obj | null => (value && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : null);
const str = (value: unknown): string | null => (typeof value === "string" && value ? value : null);

// One answer for every failed authentication, so the API does not reveal which users exist.
const refused = () => new TokenRequired("The request you have made requires authentication.");

/**
 * Reads Keystone's `POST /v3/auth/tokens` body and says what token to issue: password,
 * application credential or token (rescoping) methods, scoped to a project by id or by name in
 * the default domain, or unscoped.
 */
export async function grantFor(db: Db, body: Obj, presentedToken: string | null): Promise<TokenGrant> {
  const auth = obj(body.auth);
  const identity = obj(auth?.identity);
  const methods = identity?.methods;
  if (!auth || !identity || !Array.isArray(methods) || methods.length !== 1 || typeof methods[0] !== "string") {
    throw new BerthError("INVALID_INPUT", "Expecting auth.identity.methods with one method: password, token or application_credential.");
  }
  const method = methods[0];
  const scope = auth.scope;
  if (method === "application_credential") {
    if (scope !== undefined && scope !== null) throw new TokenRequired("Application credentials cannot request a scope.");
    return applicationCredentialGrant(db, obj(identity.application_credential));
  }
  const subject =
    method === "password"
      ? await passwordUser(db, obj(obj(identity.password)?.user))
      : method === "token"
        ? await tokenUser(db, str(obj(identity.token)?.id) ?? presentedToken)
        : null;
  if (!subject) throw new BerthError("INVALID_INPUT", `Berth does not support the ${method} authentication method.`);
  const projectId = await scopedProject(db, subject.user, scope);
  return { userId: subject.user.id, projectId, methods: subject.methods, notAfter: subject.notAfter };
}

async function passwordUser(db: Db, user: Obj | null) {
  const password = str(user?.password);
  if (!user || !password || !isDefaultDomain(user.domain)) throw refused();
  const id = str(user.id);
  const name = str(user.name);
  const found = id ? (isUuid(id) ? await db.user.findUnique({ where: { id } }) : null) : name ? await db.user.findUnique({ where: { username: name } }) : null;
  if (!found || !(await verifyPassword(password, found.passwordHash)) || !found.enabled) throw refused();
  return { user: found, methods: ["password"], notAfter: null };
}

/** Rescoping: a live token buys a token for another scope, ending when it ends. */
async function tokenUser(db: Db, token: string | null) {
  const caller = await resolveToken(db, token);
  if (!caller) throw refused();
  if (caller.applicationCredential) throw new BerthError("FORBIDDEN", "A token from an application credential cannot be rescoped.");
  const user = await db.user.findUniqueOrThrow({ where: { id: caller.user.id } });
  return { user, methods: [...new Set([...caller.methods, "token"])], notAfter: caller.expiresAt };
}

async function applicationCredentialGrant(db: Db, credential: Obj | null): Promise<TokenGrant> {
  const secret = str(credential?.secret);
  if (!credential || !secret) throw refused();
  const id = str(credential.id);
  const name = str(credential.name);
  let found = null;
  if (id) {
    found = isUuid(id) ? await db.applicationCredential.findUnique({ where: { id }, include: { user: true } }) : null;
  } else if (name) {
    const owner = obj(credential.user);
    if (!owner || !isDefaultDomain(owner.domain)) throw refused();
    const ownerId = str(owner.id);
    if (ownerId && !isUuid(ownerId)) throw refused();
    found = await db.applicationCredential.findFirst({
      where: { name, user: ownerId ? { id: ownerId } : { username: str(owner.name) ?? "" } },
      include: { user: true },
    });
  }
  if (!found || !found.user.enabled || (found.expiresAt && found.expiresAt <= new Date()) || !(await verifyPassword(secret, found.secretHash))) throw refused();
  await requireAccess(db, found.user, found.projectId);
  return { userId: found.userId, projectId: found.projectId, methods: ["application_credential"], applicationCredentialId: found.id, notAfter: found.expiresAt };
}

async function scopedProject(db: Db, user: User, scope: unknown): Promise<string | null> {
  if (scope === undefined || scope === null || scope === "unscoped") return null;
  const project = obj(obj(scope)?.project);
  if (!project) throw new TokenRequired("Berth issues project-scoped or unscoped tokens only: there are no domain or system scopes.");
  const id = str(project.id);
  const name = str(project.name);
  if (!id && !(name && isDefaultDomain(project.domain))) throw refused();
  const found = id ? (isUuid(id) ? await db.project.findUnique({ where: { id } }) : null) : await db.project.findUnique({ where: { name: name! } });
  // Unknown and not-a-member read the same, so a token request does not reveal which projects exist.
  if (!found || !(await projectRole(db, user, found.id))) throw new TokenRequired(`User ${user.username} has no access to project ${id ?? name}.`);
  if (!found.enabled) throw new TokenRequired(`Project ${found.name} is disabled.`);
  return found.id;
}

async function requireAccess(db: Db, user: User, projectId: string) {
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId } });
  if (!(await projectRole(db, user, projectId))) throw new TokenRequired(`User ${user.username} has no access to project ${project.name}.`);
  if (!project.enabled) throw new TokenRequired(`Project ${project.name} is disabled.`);
}
