import "server-only";
import type { Db } from "@/lib/db/client";

export type ProjectMember = NonNullable<Awaited<ReturnType<typeof projectMembers>>>["members"][number];

/** A project, its members with their roles, and the enabled users who could still join it. */
export async function projectMembers(db: Db, projectId: string) {
  const project = await db.project.findUnique({
    where: { id: projectId },
    include: {
      memberships: {
        include: { user: { select: { id: true, username: true, displayName: true, enabled: true, isAdmin: true } } },
        orderBy: { user: { username: "asc" } },
      },
    },
  });
  if (!project) return null;
  const { memberships, ...rest } = project;
  const candidates = await db.user.findMany({
    where: { memberships: { none: { projectId } } },
    orderBy: { username: "asc" },
    select: { id: true, username: true, enabled: true },
  });
  return {
    project: rest,
    members: memberships.map((m) => ({ ...m.user, role: m.role, since: m.createdAt })),
    candidates,
  };
}
