import type { z } from "zod";
import { BerthError, type ErrorCode } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { can, type Permission, type Role } from "@/lib/identity/permissions";
import type { SessionUser } from "@/lib/identity/sessions";

export type ActionError = { code: ErrorCode; message: string; fields?: Record<string, string> };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export type ActionDeps = {
  currentUser: () => Promise<SessionUser | null>;
  projectRole: (user: SessionUser, projectId: string) => Promise<Role | null>;
  onUnexpectedError?: (error: unknown) => void;
};

export type ProjectContext = { user: SessionUser; projectId: string; role: Role };
export type UserContext = { user: SessionUser };

/**
 * Berth's one way to run a mutation: authenticate → project membership → permission → zod →
 * the `lib/` call → a typed result. Errors never reach the page as raw exceptions.
 */
export function createActionClient(deps: ActionDeps) {
  function projectAction<S extends z.ZodType, T>(spec: {
    permission: Permission;
    schema: S;
    run: (ctx: ProjectContext, input: z.output<S>) => Promise<T>;
  }) {
    return (projectId: string, input: z.input<S>): Promise<ActionResult<T>> =>
      guarded(deps, async () => {
        const user = await requireUser(deps);
        const role = await deps.projectRole(user, projectId);
        // Not a member: say "not found", so a project's existence is not revealed.
        if (!role) throw new BerthError("NOT_FOUND", "Project not found.");
        if (!can(role, spec.permission)) {
          throw new BerthError("FORBIDDEN", `Your role (${role}) does not allow ${spec.permission}.`);
        }
        return spec.run({ user, projectId, role }, parseInput(spec.schema, input));
      });
  }

  /** For cloud-wide actions: admins only; anyone else gets "not found", like the admin pages. */
  function adminAction<S extends z.ZodType, T>(spec: {
    permission: Permission;
    schema: S;
    run: (ctx: UserContext, input: z.output<S>) => Promise<T>;
  }) {
    return (input: z.input<S>): Promise<ActionResult<T>> =>
      guarded(deps, async () => {
        const user = await requireUser(deps);
        if (!user.isAdmin || !can("admin", spec.permission)) throw new BerthError("NOT_FOUND", "Not found.");
        return spec.run({ user }, parseInput(spec.schema, input));
      });
  }

  return { projectAction, adminAction };
}

async function requireUser(deps: ActionDeps): Promise<SessionUser> {
  const user = await deps.currentUser();
  if (!user) throw new BerthError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return user;
}

async function guarded<T>(deps: ActionDeps, body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    if (error instanceof BerthError) {
      return { ok: false, error: { code: error.code, message: error.message, fields: error.fields } };
    }
    // Next's redirect()/notFound() work by throwing; let them through.
    if (isNextControlFlow(error)) throw error;
    deps.onUnexpectedError?.(error);
    return { ok: false, error: { code: "INTERNAL", message: "Something went wrong on the server; it has been logged." } };
  }
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
