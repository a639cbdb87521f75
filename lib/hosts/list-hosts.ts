import "server-only";
import type { Db } from "@/lib/db/client";

export type HostSummary = Awaited<ReturnType<typeof listHosts>>[number];

/** Every host with its capacity and what its allocations use (the sum of rows, never a counter). */
export async function listHosts(db: Db) {
  const [hosts, usage, counts] = await Promise.all([
    db.host.findMany({ orderBy: { name: "asc" } }),
    db.allocation.groupBy({ by: ["hostId"], _sum: { vcpus: true, ramMiB: true, diskGiB: true } }),
    db.instance.groupBy({ by: ["hostId"], where: { deletedAt: null }, _count: { _all: true } }),
  ]);
  const usedBy = new Map(usage.map((u) => [u.hostId, u._sum]));
  const countBy = new Map(counts.map((c) => [c.hostId, c._count._all]));
  return hosts.map((h) => ({
    ...h,
    instanceCount: countBy.get(h.id) ?? 0,
    used: {
      vcpus: usedBy.get(h.id)?.vcpus ?? 0,
      ramMiB: usedBy.get(h.id)?.ramMiB ?? 0,
      diskGiB: usedBy.get(h.id)?.diskGiB ?? 0,
    },
    capacity: {
      vcpus: Math.floor((h.cpus - h.reservedCpus) * h.cpuAllocationRatio),
      ramMiB: Math.floor((h.memoryMiB - h.reservedMemoryMiB) * h.ramAllocationRatio),
      diskGiB: Math.floor((h.diskGiB - h.reservedDiskGiB) * h.diskAllocationRatio),
    },
  }));
}
