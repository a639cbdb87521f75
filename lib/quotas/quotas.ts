import "server-only";
import type { Db } from "@/lib/db/client";

export const QUOTA_RESOURCES = ["instances", "cores", "ram", "disk", "networks", "ports"] as const;
export type QuotaResource = (typeof QUOTA_RESOURCES)[number];

export const QUOTA_INFO: Record<QuotaResource, { label: string; unit: string; default: number }> = {
  instances: { label: "Instances", unit: "", default: 10 },
  cores: { label: "vCPUs", unit: "", default: 20 },
  ram: { label: "RAM", unit: "MiB", default: 50 * 1024 },
  disk: { label: "Disk", unit: "GiB", default: 1024 },
  networks: { label: "Networks", unit: "", default: 10 },
  ports: { label: "Published ports", unit: "", default: 10 },
};

/** What a request adds to each resource; a resource left out adds nothing. */
export type QuotaDelta = Partial<Record<QuotaResource, number>>;

export type QuotaUsage = { resource: QuotaResource; label: string; unit: string; used: number; limit: number };

/** Limits in force for a project: its own rows, else the cloud defaults, else the built-in defaults. */
export async function quotaLimits(db: Db, projectId: string): Promise<Record<QuotaResource, number>> {
  const [own, defaults] = await Promise.all([
    db.quota.findMany({ where: { projectId } }),
    db.quotaDefault.findMany(),
  ]);
  return limitsOf([...defaults, ...own]);
}

/** The built-in defaults overlaid with limit rows, later rows winning (cloud defaults, then a project's own). */
export function limitsOf(rows: { resource: string; limit: number }[]): Record<QuotaResource, number> {
  const limits = Object.fromEntries(QUOTA_RESOURCES.map((r) => [r, QUOTA_INFO[r].default])) as Record<QuotaResource, number>;
  for (const row of rows) {
    if (row.resource in limits) limits[row.resource as QuotaResource] = row.limit;
  }
  return limits;
}

/** What instances hold: the resources a launch, a resize or a spawn is checked against. */
export const INSTANCE_RESOURCES = ["instances", "cores", "ram", "disk"] as const satisfies readonly QuotaResource[];

/**
 * Usage is counted from the instances, networks and ports themselves, so it can never drift from
 * them. `resources` narrows what is counted (the others read 0): a launch need not count ports.
 */
export async function quotaUsed(db: Db, projectId: string, resources: readonly QuotaResource[] = QUOTA_RESOURCES): Promise<Record<QuotaResource, number>> {
  const wants = (r: QuotaResource) => resources.includes(r);
  const [totals, networks, ports] = await Promise.all([
    INSTANCE_RESOURCES.some(wants)
      ? db.instance.aggregate({ where: { projectId, deletedAt: null }, _count: { _all: true }, _sum: { vcpus: true, ramMiB: true, diskGiB: true } })
      : null,
    wants("networks") ? db.network.count({ where: { projectId } }) : 0,
    wants("ports") ? db.publishedPort.count({ where: { projectId } }) : 0,
  ]);
  return {
    instances: totals?._count._all ?? 0,
    cores: totals?._sum.vcpus ?? 0,
    ram: totals?._sum.ramMiB ?? 0,
    disk: totals?._sum.diskGiB ?? 0,
    networks,
    ports,
  };
}

export async function quotaUsage(db: Db, projectId: string): Promise<QuotaUsage[]> {
  const [limits, used] = await Promise.all([quotaLimits(db, projectId), quotaUsed(db, projectId)]);
  return usageOf(limits, used);
}

export function usageOf(limits: Record<QuotaResource, number>, used: Record<QuotaResource, number>): QuotaUsage[] {
  return QUOTA_RESOURCES.map((resource) => ({
    resource,
    label: QUOTA_INFO[resource].label,
    unit: QUOTA_INFO[resource].unit,
    used: used[resource],
    limit: limits[resource],
  }));
}
