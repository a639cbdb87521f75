import "server-only";
import type { Db } from "@/lib/db/client";
import type { Role } from "./permissions";
import type { SessionUser } from "./sessions";

export type ProjectSummary = { id: string; name: string; role: Role; enabled: boolean };

/** The user's role in a project: admins hold `admin` everywhere; others need a membership. */
export async function projectRole(db: Db, user: SessionUser, projectId: string): Promise<Role | null> {
  if (!isUuid(projectId)) return null;
  if (user.isAdmin) {
    const exists = await db.project.count({ where: { id: projectId } });
    return exists ? "admin" : null;
  }
  const membership = await db.membership.findUnique({ where: { userId_projectId: { userId: user.id, projectId } } });
  return membership?.role ?? null;
}

/** The projects a user can switch to: every project for admins, their memberships otherwise. */
export async function projectsOf(db: Db, user: SessionUser): Promise<ProjectSummary[]> {
  if (user.isAdmin) {
    const projects = await db.project.findMany({ orderBy: { name: "asc" } });
    return projects.map((p) => ({ id: p.id, name: p.name, enabled: p.enabled, role: "admin" as const }));
  }
  const memberships = await db.membership.findMany({
    where: { userId: user.id },
    include: { project: true },
    orderBy: { project: { name: "asc" } },
  });
  return memberships.map((m) => ({ id: m.project.id, name: m.project.name, enabled: m.project.enabled, role: m.role }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
