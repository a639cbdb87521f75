import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { projectRole } from "./access";
import { can, type Role } from "./permissions";
import { currentUser } from "./request-user";
import { REQUEST_PATH_HEADER, signInPath } from "./request-path";
import type { SessionUser } from "./sessions";

/**
 * Guards for pages and layouts. Layouts do not re-render on client navigation, so every page
 * calls its guard too; `cache` makes the second call free within one request.
 */

/** The signed-in user; anyone else is sent to sign-in, to come back here afterwards. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(signInPath((await headers()).get(REQUEST_PATH_HEADER)));
  return user;
}

/** The user and their role in the project. A non-member gets a 404, so the project's existence stays hidden. */
export const requireProjectRole = cache(async (projectId: string): Promise<{ user: SessionUser; role: Role }> => {
  const user = await requireUser();
  const role = await projectRole(db(), user, projectId);
  if (!role || !can(role, "project:view")) notFound();
  return { user, role };
});

/** Admin pages answer 404 (not 403) to everyone else, like the admin actions do. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (!user.isAdmin) notFound();
  return user;
}
