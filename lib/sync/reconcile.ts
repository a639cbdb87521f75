import "server-only";
import type { Db } from "@/lib/db/client";
import type { Host } from "@/lib/db/generated/client";
import { LABELS } from "@/lib/docker/labels";
import { dockerOf } from "@/lib/hosts/host-connection";
import { runningTask } from "@/lib/instances/status";
import { logger } from "@/lib/logger";
import { removeStrayNetworks } from "@/lib/networks/host-networks";
import { reconcileForwarders } from "@/lib/networks/published-ports";

export type ReconcileReport = { updated: string[]; vanished: string[]; orphansRemoved: string[]; networksRemoved: string[] };

/**
 * Repairs what events missed on one host: instances whose container state differs are updated,
 * instances whose container vanished go to ERROR with a fault, and Berth-labelled containers no
 * instance owns are removed once older than the grace period (a launch may be between steps).
 * Port forwarders and networks follow their records: stray ones go, lost forwarders come back.
 */
export async function reconcileHost(db: Db, host: Host, graceMs = 60_000): Promise<ReconcileReport> {
  const report: ReconcileReport = { updated: [], vanished: [], orphansRemoved: [], networksRemoved: [] };
  const docker = dockerOf(host);
  const containers = await docker.listManagedContainers();
  const byId = new Map(containers.map((c) => [c.Id, c]));
  const instances = await db.instance.findMany({ where: { hostId: host.id, deletedAt: null } });

  for (const instance of instances) {
    if (runningTask(instance.taskState) || !instance.containerId || instance.vmState === "building") continue;
    const container = byId.get(instance.containerId);
    if (!container) {
      if (instance.vmState === "error") continue;
      await db.instance.update({
        where: { id: instance.id },
        data: {
          vmState: "error",
          powerState: "nostate",
          faultCode: 500,
          faultMessage: `The container vanished from host ${host.name}.`,
          faultAt: new Date(),
        },
      });
      report.vanished.push(instance.id);
      continue;
    }
    const observed =
      container.State === "running"
        ? { vmState: "active" as const, powerState: "running" as const }
        : container.State === "paused"
          ? { vmState: "paused" as const, powerState: "paused" as const }
          : { vmState: "stopped" as const, powerState: "shutdown" as const };
    const wasUnknown = instance.powerState === "unknown";
    if (wasUnknown || (instance.vmState !== "error" && (instance.vmState !== observed.vmState || instance.powerState !== observed.powerState))) {
      await db.instance.update({ where: { id: instance.id }, data: instance.vmState === "error" ? { powerState: observed.powerState } : observed });
      report.updated.push(instance.id);
    }
  }

  const owners = new Map(
    (await db.instance.findMany({
      where: { id: { in: containers.map((c) => c.Labels[LABELS.instance]).filter(isUuid) } },
      select: { id: true, containerId: true, deletedAt: true, taskState: true },
    })).map((i) => [i.id, i]),
  );
  const now = Date.now();
  for (const c of containers) {
    if (c.Labels[LABELS.port]) continue;
    const owner = owners.get(c.Labels[LABELS.instance]);
    // A task may be between containers; a resize waiting for its confirmation keeps the old one.
    const owned = owner && !owner.deletedAt && (owner.containerId === c.Id || owner.taskState);
    if (owned || now - c.Created * 1000 < graceMs) continue;
    await docker.docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined);
    logger.warn({ host: host.name, container: c.Id, instance: c.Labels[LABELS.instance] }, "removed a Berth container no instance owns");
    report.orphansRemoved.push(c.Id);
  }
  report.orphansRemoved.push(...(await reconcileForwarders(db, host)));
  report.networksRemoved = await removeStrayNetworks(db, host, graceMs);
  return report;
}

function isUuid(v: string | undefined): v is string {
  return !!v && /^[0-9a-f-]{36}$/i.test(v);
}
