import "server-only";
import type { Db } from "@/lib/db/client";

export type AdminProject = Awaited<ReturnType<typeof listProjects>>[number];

/** Every project with how many members and live instances it has. */
export async function listProjects(db: Db) {
  const [projects, instances] = await Promise.all([
    db.project.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { memberships: true } } } }),
    db.instance.groupBy({ by: ["projectId"], where: { deletedAt: null }, _count: { _all: true } }),
  ]);
  const instanceCount = new Map(instances.map((i) => [i.projectId, i._count._all]));
  return projects.map(({ _count, ...project }) => ({
    ...project,
    memberCount: _count.memberships,
    instanceCount: instanceCount.get(project.id) ?? 0,
  }));
}

/** The project names and ids, for pickers. */
export function projectChoices(db: Db) {
  return db.project.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, enabled: true } });
}
