import "server-only";
import type { Db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { instanceStatus, type InstanceStatus } from "@/lib/instances/status";
import { quotaUsage, type QuotaUsage } from "@/lib/quotas/quotas";

export type ProjectOverview = {
  project: { id: string; name: string; description: string; enabled: boolean };
  instanceCount: number;
  byStatus: Partial<Record<InstanceStatus, number>>;
  quotas: QuotaUsage[];
};

export async function projectOverview(db: Db, projectId: string): Promise<ProjectOverview> {
  const project = await db.project.findUnique({ where: { id: projectId } });
  if (!project) throw new BerthError("NOT_FOUND", "Project not found.");
  const [groups, quotas] = await Promise.all([
    db.instance.groupBy({
      by: ["vmState", "taskState", "powerState"],
      where: { projectId, deletedAt: null },
      _count: { _all: true },
    }),
    quotaUsage(db, projectId),
  ]);
  const byStatus: Partial<Record<InstanceStatus, number>> = {};
  let instanceCount = 0;
  for (const g of groups) {
    const status = instanceStatus(g);
    byStatus[status] = (byStatus[status] ?? 0) + g._count._all;
    instanceCount += g._count._all;
  }
  return {
    project: { id: project.id, name: project.name, description: project.description, enabled: project.enabled },
    instanceCount,
    byStatus,
    quotas,
  };
}
