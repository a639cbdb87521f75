import "server-only";
import type Dockerode from "dockerode";
import type { Db } from "@/lib/db/client";
import type { Flavor, Host, Instance } from "@/lib/db/generated/client";
import { BerthError } from "@/lib/errors";
import { dockerOf } from "@/lib/hosts/host-connection";
import { ensureImageOnHost } from "@/lib/images/distribute-image";
import { logger } from "@/lib/logger";
import { claimHost, resizeAllocationInPlace } from "@/lib/scheduler/claim-host";
import { finishAction, step } from "./action-log";
import { containerName, toCreateOptions } from "./container-spec";
import type { JobAction } from "./request-action";

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
  delete: deleteInstance,
  rebuild: (db, i, job) => rebuild(db, i, job),
  resize: resize,
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
  if (host && instance.containerId) {
    if (host.status === "up") {
      await step(db, job.actionId, "remove container", () =>
        dockerOf(host).docker.getContainer(instance.containerId!).remove({ force: true }).catch(ignore(404)),
      );
    } else {
      // The host is down: delete locally; the reconciler removes the container when the host returns.
      await step(db, job.actionId, "remove container", async () => `host ${host.name} is down; removed when it returns`);
    }
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
  const fresh = await step(db, job.actionId, "create", () =>
    docker.createContainer({ ...toCreateOptions(instance, image.dockerRef!, host.cpus), name: `${containerName(instance.id)}-rebuild` }),
  );
  try {
    if (wasRunning) await step(db, job.actionId, "start", () => fresh.start());
    await step(db, job.actionId, "remove old container", () => old.remove({ force: true }).catch(ignore(404)));
  } catch (error) {
    await fresh.remove({ force: true }).catch(() => undefined);
    throw error;
  }
  await fresh.rename({ name: containerName(instance.id) });
  await db.instance.update({
    where: { id: instance.id },
    data: { imageId: image.id, containerId: fresh.id, taskState: null, ...observe(await fresh.inspect()) },
  });
}

async function resize(db: Db, instance: Instance, job: ActionJob) {
  const flavor = await db.flavor.findUnique({ where: { id: job.params.flavorId as string } });
  if (!flavor) throw new BerthError("NOT_FOUND", "The flavor to resize to no longer exists.");
  const { host, container } = await placed(db, instance);
  const size = { vcpus: flavor.vcpus, ramMiB: flavor.ramMiB, diskGiB: flavor.diskGiB };
  const fits = await step(db, job.actionId, "claim on current host", () => resizeAllocationInPlace(db, instance.id, host.id, size), (ok) =>
    ok ? `fits on ${host.name}` : `${host.name} has no room: moving`,
  );
  if (!fits) return move(db, instance, job, flavor);
  const resized = { ...instance, ...flavorCopy(flavor) };
  try {
    await step(db, job.actionId, "apply limits", () => container.update(liveLimits(resized, host.cpus)));
  } catch (error) {
    await resizeAllocationInPlace(db, instance.id, host.id, { vcpus: instance.vcpus, ramMiB: instance.ramMiB, diskGiB: instance.diskGiB });
    throw error;
  }
  await db.instance.update({ where: { id: instance.id }, data: { ...flavorCopy(flavor), taskState: null } });
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
 * carry it to a new host, start it there, then remove the original. On failure the original is
 * started again where it was.
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
    created = await step(db, job.actionId, "create", () => targetDocker.docker.createContainer(toCreateOptions(target, snapshotRef, destination.cpus)));
    if (wasRunning) await step(db, job.actionId, "start", () => created!.start());
  } catch (error) {
    await created?.remove({ force: true }).catch(() => undefined);
    await db.allocation.deleteMany({ where: { instanceId: instance.id, hostId: destination.id } });
    if (wasRunning) await old.start().catch(ignore(304)).catch(() => undefined);
    await sourceDocker.getImage(snapshotRef).remove().catch(() => undefined);
    throw error;
  }
  await old.remove({ force: true }).catch(ignore(404));
  await sourceDocker.getImage(snapshotRef).remove().catch(() => undefined);
  await db.$transaction([
    db.allocation.deleteMany({ where: { instanceId: instance.id, hostId: source.id } }),
    db.allocation.updateMany({ where: { instanceId: instance.id, hostId: destination.id }, data: { vcpus: target.vcpus, ramMiB: target.ramMiB, diskGiB: target.diskGiB } }),
    db.instance.update({
      where: { id: instance.id },
      data: {
        ...(flavor ? flavorCopy(flavor) : {}),
        hostId: destination.id,
        containerId: created!.id,
        taskState: null,
        ...observe(await created!.inspect()),
      },
    }),
  ]);
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
    const docker = dockerOf(destination).docker;
    created = await step(db, job.actionId, "create", () => docker.createContainer(toCreateOptions(instance, image.dockerRef!, destination.cpus)));
    await step(db, job.actionId, "start", () => created!.start());
  } catch (error) {
    await created?.remove({ force: true }).catch(() => undefined);
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
}

/**
 * After a failed action: write what Docker says now. The reason stays in the action log; it
 * becomes the instance's fault only when the container is gone and the instance goes to ERROR.
 */
async function settle(db: Db, instanceId: string, reason: string) {
  const instance = await db.instance.findUnique({ where: { id: instanceId } });
  if (!instance || instance.deletedAt) return;
  try {
    const { container } = await placed(db, instance);
    await db.instance.update({ where: { id: instanceId }, data: { ...observe(await container.inspect()), taskState: null } });
  } catch (error) {
    const gone = (error as { statusCode?: number }).statusCode === 404;
    await db.instance.update({
      where: { id: instanceId },
      data: gone
        ? { vmState: "error", powerState: "nostate", taskState: null, faultCode: 500, faultMessage: `Container is gone: ${reason}`, faultAt: new Date() }
        : { taskState: null },
    });
  }
}

function ignore(status: number) {
  return (error: { statusCode?: number }) => {
    if (error.statusCode !== status) throw error;
  };
}
