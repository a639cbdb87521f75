import "server-only";
import type Dockerode from "dockerode";
import type { Db } from "@/lib/db/client";
import type { Flavor, Host, Instance, Prisma } from "@/lib/db/generated/client";
import { BerthError } from "@/lib/errors";
import { dockerOf } from "@/lib/hosts/host-connection";
import { ensureImageOnHost } from "@/lib/images/distribute-image";
import { logger } from "@/lib/logger";
import { detachFromHost, disconnectAll } from "@/lib/networks/host-networks";
import { movePublishedPorts, unpublishAll } from "@/lib/networks/published-ports";
import { claimHost, resizeAllocationInPlace } from "@/lib/scheduler/claim-host";
import { finishAction, step } from "./action-log";
import { containerName, toCreateOptions } from "./container-spec";
import { createInstanceContainer } from "./instance-container";
import { awaitConfirmation, endWait, pendingResize, restingTask, type PendingResize } from "./pending-resize";
import type { JobAction } from "./request-action";
import { RESIZED } from "./status";

export type ActionJob = { instanceId: string; action: JobAction; actionId: string; params: Record<string, unknown> };

const STOP_TIMEOUT_S = 10;
const MiB = 1024 * 1024;

type Observed = { vmState: "active" | "stopped" | "paused"; powerState: "running" | "paused" | "shutdown" };

/** The job side of every lifecycle action: does the Docker work, then writes the state it observed. */
export async function performAction(db: Db, job: ActionJob): Promise<void> {
  const instance = await db.instance.findUnique({ where: { id: job.instanceId } });
  if (!instance || instance.deletedAt) return;
  try {
    await HANDLERS[job.action](db, instance, job);
    await finishAction(db, job.actionId);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.warn({ instanceId: instance.id, action: job.action, err: error }, "instance action failed");
    await settle(db, instance.id, message);
    await finishAction(db, job.actionId, message);
  }
}

const HANDLERS: Record<JobAction, (db: Db, instance: Instance, job: ActionJob) => Promise<void>> = {
  start: (db, i, job) => power(db, i, job, "start", (c) => c.start().catch(ignore(304))),
  stop: (db, i, job) => power(db, i, job, "stop", (c) => c.stop({ t: STOP_TIMEOUT_S }).catch(ignore(304))),
  reboot: (db, i, job) => power(db, i, job, "reboot", (c) => c.restart({ t: STOP_TIMEOUT_S })),
  "hard-reboot": (db, i, job) => power(db, i, job, "hard-reboot", (c) => c.restart({ t: 0 })),
  pause: (db, i, job) => power(db, i, job, "pause", (c) => c.pause()),
  unpause: (db, i, job) => power(db, i, job, "unpause", (c) => c.unpause()),
  delete: deleteWithPendingResize,
  rebuild: (db, i, job) => rebuild(db, i, job),
  resize: resize,
  "confirm-resize": confirmResize,
  "revert-resize": revertResize,
  migrate: (db, i, job) => move(db, i, job, null),
  evacuate: evacuate,
};

async function placed(db: Db, instance: Instance): Promise<{ host: Host; container: Dockerode.Container; docker: Dockerode }> {
  const host = instance.hostId ? await db.host.findUnique({ where: { id: instance.hostId } }) : null;
  if (!host || !instance.containerId) throw new BerthError("CONFLICT", `Instance ${instance.name} has no container.`);
  if (host.status !== "up") throw new BerthError("HOST_UNAVAILABLE", `Host ${host.name} is down: try again when it is back.`);
  const docker = dockerOf(host).docker;
  return { host, container: docker.getContainer(instance.containerId), docker };
}

function observe(inspect: Dockerode.ContainerInspectInfo): Observed {
  if (inspect.State.Paused) return { vmState: "paused", powerState: "paused" };
  if (inspect.State.Running) return { vmState: "active", powerState: "running" };
  return { vmState: "stopped", powerState: "shutdown" };
}

async function power(db: Db, instance: Instance, job: ActionJob, event: string, call: (c: Dockerode.Container) => Promise<unknown>) {
  const { container } = await placed(db, instance);
  await step(db, job.actionId, event, () => call(container));
  const observed = observe(await container.inspect());
  await db.instance.update({ where: { id: instance.id }, data: { ...observed, taskState: null } });
}

async function deleteInstance(db: Db, instance: Instance, job: ActionJob) {
  const host = instance.hostId ? await db.host.findUnique({ where: { id: instance.hostId } }) : null;
  if (await db.publishedPort.count({ where: { instanceId: instance.id } })) {
    await step(db, job.actionId, "unpublish ports", () => unpublishAll(db, instance.id));
  }
  if (host && instance.containerId) await removeContainer(db, job.actionId, "remove container", host, instance.containerId);
  if (host) {
    await step(db, job.actionId, "release addresses", () => detachFromHost(db, host.id, instance.id));
  }
  const now = new Date();
  await db.$transaction([
    db.allocation.deleteMany({ where: { instanceId: instance.id } }),
    db.instance.update({
      where: { id: instance.id },
      data: { vmState: "deleted", powerState: "nostate", taskState: null, deletedAt: now, terminatedAt: now },
    }),
  ]);
}

/** Removes a container for good; on a host that is down, the reconciler removes it when the host returns. */
async function removeContainer(db: Db, actionId: string, event: string, host: Host, containerId: string) {
  if (host.status !== "up") {
    await step(db, actionId, event, async () => `host ${host.name} is down; removed when it returns`);
    return;
  }
  await step(db, actionId, event, () => dockerOf(host).docker.getContainer(containerId).remove({ force: true }).catch(ignore(404)));
}

/**
 * Replace = create the new container, start it, then remove the old one; if anything fails before
 * the old one is removed, the new one is removed and the instance keeps running as it was.
 */
async function rebuild(db: Db, instance: Instance, job: ActionJob) {
  const { host, container: old, docker } = await placed(db, instance);
  const imageId = (job.params.imageId as string | undefined) ?? instance.imageId;
  const image = imageId ? await db.image.findUnique({ where: { id: imageId } }) : null;
  if (!image?.dockerRef) throw new BerthError("NOT_FOUND", "The image to rebuild from no longer exists.");
  await step(db, job.actionId, "image", () => ensureImageOnHost(db, host, image));
  const wasRunning = instance.vmState !== "stopped";
  const { container: fresh, attachments } = await step(db, job.actionId, "create", () =>
    createInstanceContainer(db, host, instance, image.dockerRef!, `${containerName(instance.id)}-rebuild`),
  );
  // The new container takes over the fixed addresses: the old one lets go of them first.
  const reconnectOld = await disconnectAll(docker, old.id, attachments);
  try {
    if (wasRunning) await step(db, job.actionId, "start", () => fresh.start());
    await step(db, job.actionId, "remove old container", () => old.remove({ force: true }).catch(ignore(404)));
  } catch (error) {
    await fresh.remove({ force: true }).catch(() => undefined);
    await reconnectOld();
    throw error;
  }
  await fresh.rename({ name: containerName(instance.id) });
  await db.instance.update({
    where: { id: instance.id },
    data: { imageId: image.id, containerId: fresh.id, taskState: null, ...observe(await fresh.inspect()) },
  });
}

/**
 * Resize, Nova's way: the instance runs with the new flavor while the old one stays held for a
 * revert, until the resize is confirmed or reverted (VERIFY_RESIZE). In place, the host holds the
 * larger of the two flavors in each resource, so either fits until the choice is made; a resize
 * that moves holds the old flavor on the old host, with the old container kept there, stopped.
 */
async function resize(db: Db, instance: Instance, job: ActionJob) {
  const flavor = await db.flavor.findUnique({ where: { id: job.params.flavorId as string } });
  if (!flavor) throw new BerthError("NOT_FOUND", "The flavor to resize to no longer exists.");
  const { host, container } = await placed(db, instance);
  const larger = { vcpus: Math.max(instance.vcpus, flavor.vcpus), ramMiB: Math.max(instance.ramMiB, flavor.ramMiB), diskGiB: Math.max(instance.diskGiB, flavor.diskGiB) };
  const fits = await step(db, job.actionId, "claim on current host", () => resizeAllocationInPlace(db, instance.id, host.id, larger), (ok) =>
    ok ? `fits on ${host.name}` : `${host.name} has no room: moving`,
  );
  if (!fits) return move(db, instance, job, flavor);
  const resized = { ...instance, ...flavorCopy(flavor) };
  try {
    await step(db, job.actionId, "apply limits", () => container.update(liveLimits(resized, host.cpus)));
  } catch (error) {
    await holdOnHost(db, instance.id, host.id, instance);
    throw error;
  }
  await db.$transaction([
    db.instance.update({ where: { id: instance.id }, data: { ...flavorCopy(flavor), taskState: RESIZED } }),
    ...awaitConfirmation(db, instance, job.actionId, null),
  ]);
}

/** Sets what the instance holds on a host to `size`, unchecked: only for giving back. */
function holdOnHost(db: Db, instanceId: string, hostId: string, size: { vcpus: number; ramMiB: number; diskGiB: number }) {
  return db.allocation.updateMany({ where: { instanceId, hostId }, data: { vcpus: size.vcpus, ramMiB: size.ramMiB, diskGiB: size.diskGiB } });
}

async function waitingResize(db: Db, instance: Instance): Promise<PendingResize> {
  const pending = await pendingResize(db, instance.id);
  if (!pending) throw new BerthError("CONFLICT", `Instance ${instance.name} has no resize waiting to be confirmed or reverted.`);
  return pending;
}

/** Keeps the new flavor: what the old one held (after a move, its container and networks on the old host) is let go. */
async function confirmResize(db: Db, instance: Instance, job: ActionJob) {
  const pending = await waitingResize(db, instance);
  if (pending.source) await leaveSource(db, instance.id, job.actionId, pending.source);
  await db.$transaction([
    pending.source
      ? db.allocation.deleteMany({ where: { instanceId: instance.id, hostId: pending.source.hostId } })
      : holdOnHost(db, instance.id, instance.hostId!, instance),
    db.instance.update({ where: { id: instance.id }, data: { taskState: null } }),
    endWait(db, pending, "confirmed"),
  ]);
}

async function leaveSource(db: Db, instanceId: string, actionId: string, source: NonNullable<PendingResize["source"]>) {
  const host = await db.host.findUnique({ where: { id: source.hostId } });
  if (!host) return;
  await removeContainer(db, actionId, "remove old container", host, source.containerId);
  await detachFromHost(db, host.id, instanceId);
}

/**
 * Goes back to the old flavor. In place: the old limits again. After a move: the old container
 * starts again on the old host (as it was before the resize) and the new one goes, with whatever
 * was written in it since.
 */
async function revertResize(db: Db, instance: Instance, job: ActionJob) {
  const pending = await waitingResize(db, instance);
  const { host, container } = await placed(db, instance);
  if (!pending.source) {
    const reverted = { ...instance, ...pending.flavor };
    await step(db, job.actionId, "restore limits", () => container.update(liveLimits(reverted, host.cpus)));
    await db.$transaction([
      holdOnHost(db, instance.id, host.id, pending.flavor),
      db.instance.update({ where: { id: instance.id }, data: { ...pending.flavor, taskState: null } }),
      endWait(db, pending, "reverted"),
    ]);
    return;
  }
  const source = pending.source;
  const { container: old } = await placed(db, { ...instance, hostId: source.hostId, containerId: source.containerId });
  const resized = await container.inspect();
  await step(db, job.actionId, "stop", () => container.stop({ t: STOP_TIMEOUT_S }).catch(ignore(304)));
  try {
    if (source.wasRunning) await step(db, job.actionId, "start old container", () => old.start().catch(ignore(304)));
  } catch (error) {
    if (resized.State.Running) await container.start().catch(() => undefined);
    throw error;
  }
  await db.$transaction([
    db.allocation.deleteMany({ where: { instanceId: instance.id, hostId: host.id } }),
    db.instance.update({
      where: { id: instance.id },
      data: { ...pending.flavor, hostId: source.hostId, containerId: source.containerId, taskState: null, ...observe(await old.inspect()) },
    }),
    endWait(db, pending, "reverted"),
  ]);
  // The revert is done; a container left behind is an orphan the reconciler removes.
  await removeContainer(db, job.actionId, "remove resized container", host, resized.Id).catch(() => undefined);
  await dockerOf(host).docker.getImage(resized.Image).remove().catch(() => undefined);
  await detachFromHost(db, host.id, instance.id);
  await followPorts(db, instance.id, job.actionId);
}

/** Deleting an instance whose resize waits also removes what the old flavor held. */
async function deleteWithPendingResize(db: Db, instance: Instance, job: ActionJob) {
  const pending = await pendingResize(db, instance.id);
  await deleteInstance(db, instance, job);
  if (!pending) return;
  if (pending.source) await leaveSource(db, instance.id, job.actionId, pending.source);
  await endWait(db, pending, "deleted");
}

function flavorCopy(f: Flavor) {
  return { flavorId: f.id, flavorName: f.name, vcpus: f.vcpus, ramMiB: f.ramMiB, diskGiB: f.diskGiB, swapMiB: f.swapMiB, flavorExtraSpecs: f.extraSpecs ?? {} };
}

function liveLimits(instance: Instance, hostCpus: number) {
  const limits = toCreateOptions(instance, "", hostCpus).HostConfig!;
  return { NanoCpus: limits.NanoCpus, Memory: instance.ramMiB * MiB, MemorySwap: limits.MemorySwap, PidsLimit: limits.PidsLimit };
}

/**
 * Cold migration (and resize when the host has no room): stop, commit the container's filesystem,
 * carry it to a new host, start it there, then remove the original (a resize keeps it, stopped,
 * with its allocation and networks, until it is confirmed or reverted). On failure the original
 * is started again where it was.
 */
async function move(db: Db, instance: Instance, job: ActionJob, flavor: Flavor | null) {
  const { host: source, container: old, docker: sourceDocker } = await placed(db, instance);
  const target = { ...instance, ...(flavor ? flavorCopy(flavor) : {}) };
  const destination = await step(db, job.actionId, "schedule", () =>
    claimHost(db, { ...target, instanceId: instance.id, excludeHostIds: [source.id], assignHost: false }),
    (h) => `host ${h.name}`,
  );
  const wasRunning = instance.vmState !== "stopped";
  const snapshotRef = `berth-move/${instance.id}:${Date.now()}`;
  let created: Dockerode.Container | null = null;
  try {
    await step(db, job.actionId, "stop", () => old.stop({ t: STOP_TIMEOUT_S }).catch(ignore(304)));
    const [repo, tag] = snapshotRef.split(":");
    await step(db, job.actionId, "commit", () => old.commit({ repo, tag }));
    const targetDocker = dockerOf(destination);
    await step(db, job.actionId, "transfer", async () => targetDocker.loadImage(await dockerOf(source).saveImage(snapshotRef)), () => `${source.name} → ${destination.name}`);
    created = await step(db, job.actionId, "create", async () => (await createInstanceContainer(db, destination, target, snapshotRef)).container);
    if (wasRunning) await step(db, job.actionId, "start", () => created!.start());
  } catch (error) {
    await created?.remove({ force: true }).catch(() => undefined);
    await detachFromHost(db, destination.id, instance.id).catch(() => undefined);
    await db.allocation.deleteMany({ where: { instanceId: instance.id, hostId: destination.id } });
    if (wasRunning) await old.start().catch(ignore(304)).catch(() => undefined);
    await sourceDocker.getImage(snapshotRef).remove().catch(() => undefined);
    throw error;
  }
  const resizing = flavor !== null;
  if (!resizing) await old.remove({ force: true }).catch(ignore(404));
  await sourceDocker.getImage(snapshotRef).remove().catch(() => undefined);
  const onSource: Prisma.PrismaPromise<unknown>[] = resizing
    ? [...awaitConfirmation(db, instance, job.actionId, { hostId: source.id, containerId: instance.containerId!, wasRunning })]
    : [db.allocation.deleteMany({ where: { instanceId: instance.id, hostId: source.id } })];
  await db.$transaction([
    ...onSource,
    db.allocation.updateMany({ where: { instanceId: instance.id, hostId: destination.id }, data: { vcpus: target.vcpus, ramMiB: target.ramMiB, diskGiB: target.diskGiB } }),
    db.instance.update({
      where: { id: instance.id },
      data: {
        ...(flavor ? flavorCopy(flavor) : {}),
        hostId: destination.id,
        containerId: created!.id,
        taskState: resizing ? RESIZED : null,
        ...observe(await created!.inspect()),
      },
    }),
  ]);
  if (resizing) await followPorts(db, instance.id, job.actionId);
  else await followToNewHost(db, instance.id, source.id, job.actionId);
}

/** After a move: the instance's networks and published ports leave the old host and come to the new one. */
async function followToNewHost(db: Db, instanceId: string, sourceHostId: string, actionId: string) {
  await detachFromHost(db, sourceHostId, instanceId);
  await followPorts(db, instanceId, actionId);
}

/** The instance's published ports move to the host it runs on now. */
async function followPorts(db: Db, instanceId: string, actionId: string) {
  if (await db.publishedPort.count({ where: { instanceId } })) {
    await step(db, actionId, "move published ports", () => movePublishedPorts(db, instanceId));
  }
}

/** The host is down: rebuild the instance from its image on another host (its disk is lost, as in Nova without shared storage). */
async function evacuate(db: Db, instance: Instance, job: ActionJob) {
  const source = instance.hostId ? await db.host.findUnique({ where: { id: instance.hostId } }) : null;
  if (source?.status === "up") throw new BerthError("CONFLICT", `Host ${source.name} is up: migrate instead of evacuating.`);
  const image = instance.imageId ? await db.image.findUnique({ where: { id: instance.imageId } }) : null;
  if (!image?.dockerRef) throw new BerthError("NOT_FOUND", "The instance's image no longer exists: it cannot be rebuilt elsewhere.");
  const destination = await step(db, job.actionId, "schedule", () =>
    claimHost(db, { ...instance, instanceId: instance.id, excludeHostIds: source ? [source.id] : [], assignHost: false }),
    (h) => `host ${h.name}`,
  );
  let created: Dockerode.Container | null = null;
  try {
    await step(db, job.actionId, "image", () => ensureImageOnHost(db, destination, image));
    created = await step(db, job.actionId, "create", async () => (await createInstanceContainer(db, destination, instance, image.dockerRef!)).container);
    await step(db, job.actionId, "start", () => created!.start());
  } catch (error) {
    await created?.remove({ force: true }).catch(() => undefined);
    await detachFromHost(db, destination.id, instance.id).catch(() => undefined);
    await db.allocation.deleteMany({ where: { instanceId: instance.id, hostId: destination.id } });
    throw error;
  }
  await db.$transaction([
    db.allocation.deleteMany({ where: { instanceId: instance.id, hostId: { not: destination.id } } }),
    db.instance.update({
      where: { id: instance.id },
      data: { hostId: destination.id, containerId: created.id, vmState: "active", powerState: "running", taskState: null },
    }),
  ]);
  if (source) await followToNewHost(db, instance.id, source.id, job.actionId);
}

/**
 * After a failed action: write what Docker says now. The reason stays in the action log; it
 * becomes the instance's fault only when the container is gone and the instance goes to ERROR.
 */
async function settle(db: Db, instanceId: string, reason: string) {
  const instance = await db.instance.findUnique({ where: { id: instanceId } });
  if (!instance || instance.deletedAt) return;
  const taskState = await restingTask(db, instanceId);
  try {
    const { container } = await placed(db, instance);
    await db.instance.update({ where: { id: instanceId }, data: { ...observe(await container.inspect()), taskState } });
  } catch (error) {
    const gone = (error as { statusCode?: number }).statusCode === 404;
    await db.instance.update({
      where: { id: instanceId },
      data: gone
        ? { vmState: "error", powerState: "nostate", taskState, faultCode: 500, faultMessage: `Container is gone: ${reason}`, faultAt: new Date() }
        : { taskState },
    });
  }
}

function ignore(status: number) {
  return (error: { statusCode?: number }) => {
    if (error.statusCode !== status) throw error;
  };
}
