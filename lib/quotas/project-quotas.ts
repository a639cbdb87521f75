import "server-only";
import type { Db } from "@/lib/db/client";
import { limitsOf, usageOf, type QuotaResource, type QuotaUsage } from "./quotas";

/** The limits a new project gets (and every project without its own). */
export async function defaultQuotas(db: Db): Promise<Record<QuotaResource, number>> {
  return limitsOf(await db.quotaDefault.findMany());
}

export type ProjectQuotas = { id: string; name: string; enabled: boolean; usage: QuotaUsage[]; custom: boolean };

/** Every project's limits beside its usage, in six queries whatever the number of projects. */
export async function listProjectQuotas(db: Db): Promise<ProjectQuotas[]> {
  const [projects, defaults, own, totals, networks, ports] = await Promise.all([
    db.project.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, enabled: true } }),
    db.quotaDefault.findMany(),
    db.quota.findMany(),
    db.instance.groupBy({
      by: ["projectId"],
      where: { deletedAt: null },
      _count: { _all: true },
      _sum: { vcpus: true, ramMiB: true, diskGiB: true },
    }),
    db.network.groupBy({ by: ["projectId"], _count: { _all: true } }),
    db.publishedPort.groupBy({ by: ["projectId"], _count: { _all: true } }),
  ]);
  const usedBy = new Map(totals.map((t) => [t.projectId, t]));
  const networksOf = new Map(networks.map((n) => [n.projectId, n._count._all]));
  const portsOf = new Map(ports.map((n) => [n.projectId, n._count._all]));
  return projects.map((project) => {
    const rows = own.filter((q) => q.projectId === project.id);
    const t = usedBy.get(project.id);
    const used = {
      instances: t?._count._all ?? 0,
      cores: t?._sum.vcpus ?? 0,
      ram: t?._sum.ramMiB ?? 0,
      disk: t?._sum.diskGiB ?? 0,
      networks: networksOf.get(project.id) ?? 0,
      ports: portsOf.get(project.id) ?? 0,
    };
    return { ...project, usage: usageOf(limitsOf([...defaults, ...rows]), used), custom: rows.length > 0 };
  });
}
