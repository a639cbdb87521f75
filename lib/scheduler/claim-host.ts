import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import type { Host } from "@/lib/db/generated/client";
import { BerthError } from "@/lib/errors";
import { filterHosts, noValidHostMessage, weighHosts, type GroupPlacement, type HostCandidate, type Request, type Resources } from "./filters";

/** `assignHost`: the instance moves to the chosen host now (a launch); a move assigns it when it is done. */
type Placement = Request & { instanceId: string; imageId: string | null; serverGroupId?: string | null; assignHost: boolean; assignTaskState?: string };

/**
 * Locks every host row, then reads what each holds (the sum of allocations, leaving out the
 * instance being placed), so two placements can never both take the last room on a host.
 */
async function lockedCandidates(tx: Tx, instanceId: string, imageId: string | null) {
  await tx.$queryRawUnsafe(`SELECT id FROM hosts ORDER BY id FOR UPDATE`);
  const [hosts, usage, holding] = await Promise.all([
    tx.host.findMany({ orderBy: { name: "asc" } }),
    tx.allocation.groupBy({
      by: ["hostId"],
      where: { instanceId: { not: instanceId } },
      _sum: { vcpus: true, ramMiB: true, diskGiB: true },
    }),
    imageId ? tx.hostImage.findMany({ where: { imageId } }) : Promise.resolve([]),
  ]);
  const usedBy = new Map(usage.map((u) => [u.hostId, u._sum]));
  const withImage = new Set(holding.map((h) => h.hostId));
  const candidates: HostCandidate[] = hosts.map((h) => ({
    ...h,
    used: {
      vcpus: usedBy.get(h.id)?.vcpus ?? 0,
      ramMiB: usedBy.get(h.id)?.ramMiB ?? 0,
      diskGiB: usedBy.get(h.id)?.diskGiB ?? 0,
    },
    hasImage: withImage.has(h.id),
  }));
  return { hosts, candidates };
}

/** Read after the host rows are locked, so two members of one group are placed one after the other. */
async function groupPlacement(tx: Tx, groupId: string, instanceId: string): Promise<GroupPlacement | null> {
  const group = await tx.serverGroup.findUnique({
    where: { id: groupId },
    include: { instances: { where: { deletedAt: null, id: { not: instanceId }, hostId: { not: null } }, select: { hostId: true } } },
  });
  return group ? { name: group.name, policy: group.policy, hostIds: [...new Set(group.instances.map((i) => i.hostId!))] } : null;
}

/**
 * Picks a host and adds the instance's allocation on it in one transaction (during a move the
 * instance briefly holds two, as in Nova).
 */
export async function claimHost(db: Db, placement: Placement): Promise<Host> {
  return db.$transaction(async (tx) => {
    const { hosts, candidates } = await lockedCandidates(tx, placement.instanceId, placement.imageId);
    const group = placement.serverGroupId ? await groupPlacement(tx, placement.serverGroupId, placement.instanceId) : null;
    const { passed, rejected } = filterHosts(candidates, { ...placement, group });
    if (!passed.length) throw new BerthError("NO_VALID_HOST", noValidHostMessage(hosts.length, placement, rejected));
    const chosen = hosts.find((h) => h.id === weighHosts(passed)[0].id)!;
    await tx.allocation.create({
      data: {
        instanceId: placement.instanceId,
        hostId: chosen.id,
        vcpus: placement.vcpus,
        ramMiB: placement.ramMiB,
        diskGiB: placement.diskGiB,
      },
    });
    if (placement.assignHost) {
      await tx.instance.update({ where: { id: placement.instanceId }, data: { hostId: chosen.id, taskState: placement.assignTaskState } });
    }
    return chosen;
  });
}

/**
 * Grows or shrinks an instance's allocation on its own host when the host has room for the new
 * size (ignoring disabled/down: the instance is already there). Returns false when it does not fit.
 */
export async function resizeAllocationInPlace(db: Db, instanceId: string, hostId: string, size: Resources): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { candidates } = await lockedCandidates(tx, instanceId, null);
    const here = candidates.find((c) => c.id === hostId);
    if (!here) return false;
    const { passed } = filterHosts([{ ...here, enabled: true, status: "up" }], size);
    if (!passed.length) return false;
    await tx.allocation.updateMany({ where: { instanceId, hostId }, data: size });
    return true;
  });
}
