import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/identity/sessions";

/**
 * Every server action of the admin console, called as a member, an anonymous visitor and an admin
 * with bad input. The database is replaced by a trap: an action that got past the gate would
 * touch it, and the test would fail.
 */

const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
const touched = vi.hoisted(() => ({ db: 0 }));

vi.mock("@/lib/identity/request-user", () => ({
  currentUser: async () => signedIn.user,
  currentSessionToken: async () => (signedIn.user ? "token" : undefined),
}));
vi.mock("@/lib/db/client", () => ({
  db: () => {
    touched.db++;
    throw new Error("the database was reached");
  },
}));
vi.mock("next/cache", () => ({ refresh: () => undefined, revalidatePath: () => undefined }));

const member: SessionUser = { id: "00000000-0000-4000-8000-000000000001", username: "member", displayName: null, isAdmin: false };
const admin: SessionUser = { ...member, username: "admin", isAdmin: true };

const ADMIN_DIR = path.join(import.meta.dirname, "../../app/admin");

function actionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return actionFiles(full);
    return entry === "actions.ts" ? [full] : [];
  });
}

type Action = (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;

async function allActions(): Promise<[string, Action][]> {
  const found: [string, Action][] = [];
  for (const file of actionFiles(ADMIN_DIR)) {
    const actions = (await import(file)) as Record<string, Action>;
    for (const [name, action] of Object.entries(actions)) found.push([`${path.relative(ADMIN_DIR, file)} ${name}`, action]);
  }
  return found;
}

beforeEach(() => {
  touched.db = 0;
});

describe("admin server actions", () => {
  it("are all found (every admin page's actions.ts)", async () => {
    const names = (await allActions()).map(([name]) => name);
    expect(names.length).toBeGreaterThanOrEqual(25);
    for (const page of ["hosts", "instances", "flavors", "images", "quotas", "projects", "users"]) {
      expect(names.some((name) => name.startsWith(`${page}/`))).toBe(true);
    }
  });

  it("answer NOT_FOUND to a member and do nothing", async () => {
    signedIn.user = member;
    for (const [name, action] of await allActions()) {
      expect(await action({}), name).toEqual({ ok: false, error: { code: "NOT_FOUND", message: "Not found.", fields: undefined } });
    }
    expect(touched.db).toBe(0);
  });

  it("answer UNAUTHENTICATED to a visitor without a session and do nothing", async () => {
    signedIn.user = null;
    for (const [name, action] of await allActions()) {
      expect((await action({})).error?.code, name).toBe("UNAUTHENTICATED");
    }
    expect(touched.db).toBe(0);
  });

  it("let an admin through to the input check", async () => {
    signedIn.user = admin;
    for (const [name, action] of await allActions()) {
      const result = await action({ hostId: "x", instanceId: "x", flavorId: "x", imageId: "x", projectId: "x", userId: "x", enabled: "x", name: 1 });
      // Past the gate: refused for its input (or, with nothing to check, it reached the trap).
      expect(["INVALID_INPUT", "INTERNAL"], name).toContain(result.error?.code);
    }
  });
});
