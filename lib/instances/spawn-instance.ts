import "server-only";
import type { Db } from "@/lib/db/client";
import type { Host, Image, Instance } from "@/lib/db/generated/client";
import { BerthError } from "@/lib/errors";
import { dockerOf } from "@/lib/hosts/host-connection";
import { ensureImageOnHost } from "@/lib/images/distribute-image";
import { logger } from "@/lib/logger";
import { detachFromHost } from "@/lib/networks/host-networks";
import { quotaOverrun } from "@/lib/quotas/check-quota";
import { claimHost } from "@/lib/scheduler/claim-host";
import { finishAction, latestAction, step } from "./action-log";
import { createInstanceContainer } from "./instance-container";

const MAX_HOSTS_TRIED = 3;

/**
 * The launch job: schedule → quota recheck → image on host → create → start → ACTIVE.
 * A failure on one host moves on to the next candidate (up to three), then ERROR with the reason.
 * Safe to run again after a crash: it reuses the allocation and container it already made.
 */
export async function spawnInstance(db: Db, instanceId: string): Promise<void> {
  const instance = await db.instance.findUnique({ where: { id: instanceId }, include: { image: true } });
  if (!instance || instance.deletedAt || instance.vmState !== "building") return;
  const action = await latestAction(db, instanceId, "create");
  const actionId = action?.id ?? (await db.instanceAction.create({ data: { instanceId, requestId: `req-${instanceId}`, action: "create" } })).id;

  const failures: string[] = [];
  const tried: string[] = [];
  for (let attempt = 1; attempt <= MAX_HOSTS_TRIED; attempt++) {
    let host: Host;
    try {
      host = await step(db, actionId, "schedule", () => reuseOrClaim(db, instance, tried), (h) => `host ${h.name}`);
    } catch (error) {
      const message = error instanceof BerthError && error.code === "NO_VALID_HOST" && failures.length
        ? `${failures.join("; ")}; then ${error.message}`
        : (error as Error).message;
      return fail(db, instance, actionId, message);
    }
    // The recheck: a limit an admin lowered after this launch was accepted stops it here.
    const overrun = await quotaOverrun(db, instance.projectId);
    if (overrun) return fail(db, instance, actionId, overrun);

    try {
      const containerId = await spawnOn(db, host, instance, actionId);
      const updated = await db.instance.updateMany({
        where: { id: instanceId, deletedAt: null, vmState: "building" },
        data: {
          vmState: "active",
          powerState: "running",
          taskState: null,
          containerId,
          launchedAt: new Date(),
          faultCode: null,
          faultMessage: null,
          faultDetails: null,
          faultAt: null,
        },
      });
      if (!updated.count) {
        // Deleted while it was being built: take back what this job made.
        await dockerOf(host).docker.getContainer(containerId).remove({ force: true }).catch(() => undefined);
        await db.allocation.deleteMany({ where: { instanceId } });
        await detachFromHost(db, host.id, instanceId);
      }
      await finishAction(db, actionId);
      return;
    } catch (error) {
      failures.push(`${host.name}: ${(error as Error).message}`);
      tried.push(host.id);
      await detachFromHost(db, host.id, instanceId).catch((e) => logger.warn({ instanceId, err: e }, "releasing networks failed"));
      await db.allocation.deleteMany({ where: { instanceId } });
      await db.instance.update({ where: { id: instanceId }, data: { hostId: null, containerId: null, taskState: "scheduling" } });
      logger.warn({ instanceId, host: host.name, err: error }, "spawn failed on host; trying another");
    }
  }
  return fail(db, instance, actionId, `Failed to spawn on ${tried.length} hosts: ${failures.join("; ")}`);
}

async function reuseOrClaim(db: Db, instance: Instance, tried: string[]): Promise<Host> {
  // hostId and the allocation are written in one transaction: no hostId, nothing to reuse.
  const existing = tried.length || !instance.hostId ? null : await db.allocation.findFirst({ where: { instanceId: instance.id }, include: { host: true } });
  if (existing) {
    await db.instance.update({ where: { id: instance.id }, data: { taskState: "spawning" } });
    return existing.host;
  }
  return claimHost(db, {
    instanceId: instance.id,
    imageId: instance.imageId,
    vcpus: instance.vcpus,
    ramMiB: instance.ramMiB,
    diskGiB: instance.diskGiB,
    availabilityZone: instance.availabilityZone,
    serverGroupId: instance.serverGroupId,
    excludeHostIds: tried,
    assignHost: true,
    assignTaskState: "spawning",
  });
}

async function spawnOn(db: Db, host: Host, instance: Instance & { image: Image | null }, actionId: string) {
  const image = instance.image;
  if (!image?.dockerRef) throw new BerthError("NOT_FOUND", "The instance's image no longer exists.");
  await step(db, actionId, "image", () => ensureImageOnHost(db, host, image), (moved) => (moved ? `loaded onto ${host.name}` : `already on ${host.name}`));
  const { container } = await step(db, actionId, "create", () => createInstanceContainer(db, host, instance, image.dockerRef!), ({ attachments }) =>
    attachments.map((a) => `${a.networkName} ${a.address}`).join(", ") || "Docker's default bridge",
  );
  try {
    await step(db, actionId, "start", () => container.start().catch(ignoreAlreadyStarted));
  } catch (error) {
    await container.remove({ force: true }).catch(() => undefined);
    throw error;
  }
  return container.id;
}

function ignoreAlreadyStarted(error: { statusCode?: number }) {
  if (error.statusCode !== 304) throw error;
}

async function fail(db: Db, instance: Instance, actionId: string, message: string) {
  await db.allocation.deleteMany({ where: { instanceId: instance.id } });
  await db.instance.updateMany({
    where: { id: instance.id, deletedAt: null },
    data: {
      vmState: "error",
      taskState: null,
      powerState: "nostate",
      hostId: null,
      faultCode: 500,
      faultMessage: message,
      faultAt: new Date(),
    },
  });
  await finishAction(db, actionId, message);
}
