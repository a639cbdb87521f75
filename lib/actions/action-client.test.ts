import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { BerthError } from "@/lib/errors";
import type { Role } from "@/lib/identity/permissions";
import type { SessionUser } from "@/lib/identity/sessions";
import { createActionClient } from "./action-client";

const alice: SessionUser = { id: "u1", username: "alice", displayName: null, isAdmin: false };
const root: SessionUser = { id: "u0", username: "admin", displayName: null, isAdmin: true };
const PROJECT = "p1";

function client(user: SessionUser | null, roles: Record<string, Role> = {}) {
  const onUnexpectedError = vi.fn();
  const actions = createActionClient({
    currentUser: async () => user,
    projectRole: async (u, projectId) => (u.isAdmin ? "admin" : (roles[projectId] ?? null)),
    onUnexpectedError,
  });
  const rename = actions.projectAction({
    permission: "instance:rename",
    schema: z.object({ name: z.string().min(1, "must not be empty").max(10, "at most 10 characters") }),
    run: async (ctx, input) => ({ project: ctx.projectId, name: input.name, by: ctx.user.username }),
  });
  const setQuota = actions.adminAction({
    permission: "quota:update",
    schema: z.object({ limit: z.number().int().min(0) }),
    run: async (_ctx, input) => input.limit,
  });
  return { rename, setQuota, onUnexpectedError, actions };
}

describe("action client", () => {
  it("runs the action for a member with the permission", async () => {
    const { rename } = client(alice, { [PROJECT]: "member" });
    expect(await rename(PROJECT, { name: "web" })).toEqual({
      ok: true,
      data: { project: PROJECT, name: "web", by: "alice" },
    });
  });

  it("refuses an unauthenticated caller", async () => {
    const { rename } = client(null);
    const result = await rename(PROJECT, { name: "web" });
    expect(result).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  it("answers not found for a project the user is not a member of", async () => {
    const { rename } = client(alice, { other: "member" });
    expect(await rename(PROJECT, { name: "web" })).toEqual({
      ok: false,
      error: { code: "NOT_FOUND", message: "Project not found.", fields: undefined },
    });
  });

  it("refuses a role without the permission, naming it", async () => {
    const { rename } = client(alice, { [PROJECT]: "reader" });
    const result = await rename(PROJECT, { name: "web" });
    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: expect.stringContaining("instance:rename") } });
  });

  it("names each bad field", async () => {
    const { rename } = client(alice, { [PROJECT]: "member" });
    const result = await rename(PROJECT, { name: "much-too-long-name" });
    expect(result).toEqual({
      ok: false,
      error: {
        code: "INVALID_INPUT",
        message: "Invalid input: name: at most 10 characters",
        fields: { name: "at most 10 characters" },
      },
    });
  });

  it("checks the permission before looking at the input", async () => {
    const { rename } = client(alice, { [PROJECT]: "reader" });
    const result = await rename(PROJECT, { name: "" });
    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("passes BerthErrors from lib through with their code", async () => {
    const { actions } = client(alice, { [PROJECT]: "member" });
    const failing = actions.projectAction({
      permission: "instance:launch",
      schema: z.object({}),
      run: async () => {
        throw new BerthError("QUOTA_EXCEEDED", "Quota exceeded for instances: requested 1, used 10 of 10");
      },
    });
    expect(await failing(PROJECT, {})).toMatchObject({
      ok: false,
      error: { code: "QUOTA_EXCEEDED", message: "Quota exceeded for instances: requested 1, used 10 of 10" },
    });
  });

  it("hides unexpected errors from the page but reports them", async () => {
    const { actions, onUnexpectedError } = client(alice, { [PROJECT]: "member" });
    const crashing = actions.projectAction({
      permission: "instance:launch",
      schema: z.object({}),
      run: async () => {
        throw new Error("connection reset by peer at 10.0.0.3");
      },
    });
    const result = await crashing(PROJECT, {});
    expect(result).toMatchObject({ ok: false, error: { code: "INTERNAL" } });
    expect(JSON.stringify(result)).not.toContain("10.0.0.3");
    expect(onUnexpectedError).toHaveBeenCalledOnce();
  });

  it("hides admin actions from non-admins as not found", async () => {
    const { setQuota } = client(alice, { [PROJECT]: "member" });
    expect(await setQuota({ limit: 3 })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const asAdmin = client(root).setQuota;
    expect(await asAdmin({ limit: 3 })).toEqual({ ok: true, data: 3 });
    expect(await asAdmin({ limit: -1 })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT", fields: { limit: expect.any(String) } } });
  });
});
