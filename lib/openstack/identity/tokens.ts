import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { projectRole } from "@/lib/identity/access";
import type { Role } from "@/lib/identity/permissions";
import type { SessionUser } from "@/lib/identity/sessions";
import { TokenRequired } from "../faults";
import { lesserRole } from "./roles";

/** Keystone's default token lifetime; clients authenticate again when it runs out. */
export const TOKEN_TTL_MS = 3600_000;
// Expired tokens are kept a day (a client may still validate one to learn it expired), then deleted.
const KEEP_EXPIRED_MS = 24 * 3600_000;

export type Caller = {
  tokenId: string;
  user: SessionUser;
  /** null for an unscoped token: it can only list projects and get a scoped one. */
  project: { id: string; name: string } | null;
  /** The role in the project, as it is now (membership, admin flag, application credential). */
  role: Role | null;
  methods: string[];
  issuedAt: Date;
  expiresAt: Date;
  applicationCredential: { id: string; name: string; unrestricted: boolean } | null;
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type TokenGrant = {
  userId: string;
  projectId: string | null;
  methods: string[];
  applicationCredentialId?: string | null;
  /** The latest the token may live (a rescoped token keeps its parent's end). */
  notAfter?: Date | null;
};

/** Stores a new token (its hash only) and returns the secret once. */
export async function issueToken(db: Db, grant: TokenGrant, now = new Date()): Promise<{ token: string; id: string }> {
  const token = randomBytes(32).toString("base64url");
  const ttlEnd = new Date(now.getTime() + TOKEN_TTL_MS);
  const expiresAt = grant.notAfter && grant.notAfter < ttlEnd ? grant.notAfter : ttlEnd;
  const [record] = await db.$transaction([
    db.apiToken.create({
      data: {
        tokenHash: hashToken(token),
        userId: grant.userId,
        projectId: grant.projectId,
        applicationCredentialId: grant.applicationCredentialId ?? null,
        methods: grant.methods,
        createdAt: now,
        expiresAt,
      },
    }),
    db.apiToken.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - KEEP_EXPIRED_MS) } } }),
  ]);
  return { token, id: record.id };
}

/**
 * The caller behind a token, or null when it is unknown, revoked or expired, or when its user, its
 * project or (for a project token) the user's access to the project is gone or disabled. Checked
 * on every request, so disabling a user or a project ends its tokens at once.
 */
export async function resolveToken(db: Db, token: string | null | undefined, now = new Date()): Promise<Caller | null> {
  if (!token) return null;
  const record = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: true, project: true, applicationCredential: true },
  });
  if (!record || record.revokedAt || record.expiresAt <= now || !record.user.enabled) return null;
  const credential = record.applicationCredential;
  if (credential?.expiresAt && credential.expiresAt <= now) return null;
  const user: SessionUser = { id: record.user.id, username: record.user.username, displayName: record.user.displayName, isAdmin: record.user.isAdmin };
  let role: Role | null = null;
  if (record.project) {
    if (!record.project.enabled) return null;
    const held = await projectRole(db, user, record.project.id);
    if (!held) return null;
    role = lesserRole(held, credential?.role);
  }
  return {
    tokenId: record.id,
    user,
    project: record.project ? { id: record.project.id, name: record.project.name } : null,
    role,
    methods: record.methods,
    issuedAt: record.createdAt,
    expiresAt: record.expiresAt,
    applicationCredential: credential ? { id: credential.id, name: credential.name, unrestricted: credential.unrestricted } : null,
  };
}

/** Revokes a token; only its owner or an admin may. Returns false when there is no such live token. */
export async function revokeToken(db: Db, caller: Caller, token: string): Promise<boolean> {
  const revoked = await db.apiToken.updateMany({
    where: { tokenHash: hashToken(token), revokedAt: null, ...(caller.user.isAdmin ? {} : { userId: caller.user.id }) },
    data: { revokedAt: new Date() },
  });
  return revoked.count > 0;
}

/** The caller, or a 401 (clients authenticate again on it). */
export function requireCaller(caller: Caller | null): Caller {
  if (!caller) throw new TokenRequired();
  return caller;
}

