import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { verifyPassword } from "./password";

export const SESSION_COOKIE = "berth_session";

export type SessionUser = { id: string; username: string; displayName: string | null; isAdmin: boolean };

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Checks the credentials and opens a session; the token goes into an httpOnly cookie. */
export async function signIn(
  db: Db,
  username: string,
  password: string,
  ttlHours: number,
): Promise<{ token: string; expiresAt: Date; user: SessionUser }> {
  const user = await db.user.findUnique({ where: { username } });
  // One message for unknown user and wrong password, so sign-in does not reveal who exists.
  if (!user || !(await verifyPassword(password, user.passwordHash))) {
    throw new BerthError("UNAUTHENTICATED", "Invalid username or password.");
  }
  if (!user.enabled) throw new BerthError("FORBIDDEN", "This account is disabled. Ask an administrator.");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.session.create({ data: { tokenHash: hashToken(token), userId: user.id, expiresAt } });
  return { token, expiresAt, user: toSessionUser(user) };
}

/** The user behind a session token, or null when the session is unknown, expired or the user disabled. */
export async function resolveSession(db: Db, token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  const session = await db.session.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!session || session.expiresAt <= new Date() || !session.user.enabled) return null;
  return toSessionUser(session.user);
}

export async function signOut(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/**
 * Ends every session of a user at once, in the dashboard and the API alike (used when a user is
 * disabled or their password reset).
 */
export async function endSessionsOf(db: Db, userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
  await db.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

function toSessionUser(u: { id: string; username: string; displayName: string | null; isAdmin: boolean }): SessionUser {
  return { id: u.id, username: u.username, displayName: u.displayName, isAdmin: u.isAdmin };
}
