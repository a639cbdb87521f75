import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRole, projectsOf } from "@/lib/identity/access";
import { hashPassword } from "@/lib/identity/password";
import { endSessionsOf, resolveSession, signIn, signOut } from "@/lib/identity/sessions";
import { freshDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
let projectA: string;
let projectB: string;

beforeAll(async () => {
  t = await freshDatabase();
  const passwordHash = await hashPassword("pass-word-1");
  const [alice, bob] = await Promise.all([
    t.db.user.create({ data: { username: "alice", passwordHash } }),
    t.db.user.create({ data: { username: "bob", passwordHash, enabled: false } }),
    t.db.user.create({ data: { username: "root", passwordHash, isAdmin: true } }),
  ]);
  projectA = (await t.db.project.create({ data: { name: "a" } })).id;
  projectB = (await t.db.project.create({ data: { name: "b" } })).id;
  await t.db.membership.create({ data: { userId: alice.id, projectId: projectA, role: "reader" } });
  await t.db.membership.create({ data: { userId: bob.id, projectId: projectB, role: "member" } });
});
afterAll(() => t.drop());

describe("sessions", () => {
  it("opens a session that resolves to the user, and closes it on sign-out", async () => {
    const { token, user } = await signIn(t.db, "alice", "pass-word-1", 1);
    expect(user.username).toBe("alice");
    expect(await resolveSession(t.db, token)).toMatchObject({ username: "alice", isAdmin: false });
    // Only a hash of the token is stored.
    expect(await t.db.session.count({ where: { tokenHash: token } })).toBe(0);
    await signOut(t.db, token);
    expect(await resolveSession(t.db, token)).toBeNull();
  });

  it("refuses wrong passwords and unknown users with the same message", async () => {
    await expect(signIn(t.db, "alice", "nope", 1)).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: "Invalid username or password." });
    await expect(signIn(t.db, "nobody", "nope", 1)).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: "Invalid username or password." });
  });

  it("refuses a disabled user", async () => {
    await expect(signIn(t.db, "bob", "pass-word-1", 1)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("expires sessions", async () => {
    const { token } = await signIn(t.db, "alice", "pass-word-1", 1);
    await t.db.session.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveSession(t.db, token)).toBeNull();
  });

  it("ends a user's sessions at once when disabled", async () => {
    const { token, user } = await signIn(t.db, "alice", "pass-word-1", 1);
    await t.db.user.update({ where: { id: user.id }, data: { enabled: false } });
    expect(await resolveSession(t.db, token)).toBeNull();
    await t.db.user.update({ where: { id: user.id }, data: { enabled: true } });
    await endSessionsOf(t.db, user.id);
    expect(await resolveSession(t.db, token)).toBeNull();
  });
});

describe("project access", () => {
  it("gives members their role, non-members nothing, admins every project", async () => {
    const alice = (await resolveSession(t.db, (await signIn(t.db, "alice", "pass-word-1", 1)).token))!;
    const root = (await resolveSession(t.db, (await signIn(t.db, "root", "pass-word-1", 1)).token))!;
    expect(await projectRole(t.db, alice, projectA)).toBe("reader");
    expect(await projectRole(t.db, alice, projectB)).toBeNull();
    expect(await projectRole(t.db, alice, "not-a-uuid")).toBeNull();
    expect(await projectRole(t.db, root, projectB)).toBe("admin");
    expect(await projectRole(t.db, root, "00000000-0000-0000-0000-000000000000")).toBeNull();
    expect((await projectsOf(t.db, alice)).map((p) => p.name)).toEqual(["a"]);
    expect((await projectsOf(t.db, root)).map((p) => p.name)).toEqual(["a", "b"]);
  });
});
