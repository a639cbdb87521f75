import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { dockerOf } from "@/lib/hosts/host-connection";
import { finishAction, step } from "@/lib/instances/action-log";
import { findInstance, type Actor } from "@/lib/instances/request-action";
import { assertAllowed } from "@/lib/instances/state-machine";
import { enqueue } from "@/lib/jobs/queue";
import { parseInput } from "@/lib/validation";
import { snapshotSchema } from "./image-schema";
import { storeArchive } from "./store-archive";
import { claimImageName, finishImage, killImage } from "./upload-image";

/**
 * Accepts a snapshot: the new image appears at once in `saving`, the instance shows the task,
 * and a job commits the container and stores the result.
 */
export async function requestSnapshot(db: Db, actor: Actor & { projectId: string }, instanceId: string, name: string) {
  const instance = await findInstance(db, actor, instanceId);
  assertAllowed(instance, "snapshot", actor.isAdmin);
  const { name: imageName } = parseInput(snapshotSchema, { name }, "snapshot");
  await claimImageName(db, instance.projectId, imageName);
  const requestId = actor.requestId ?? `req-${randomUUID()}`;
  return db.$transaction(async (tx) => {
    const marked = await tx.instance.updateMany({ where: { id: instance.id, taskState: null }, data: { taskState: "image_snapshot" } });
    if (!marked.count) throw new BerthError("CONFLICT", `Instance ${instance.name} is busy; try again when its task ends.`);
    const source = instance.imageId ? await tx.image.findUnique({ where: { id: instance.imageId } }) : null;
    const image = await tx.image.create({
      data: {
        name: imageName,
        ownerProjectId: instance.projectId,
        status: "saving",
        visibility: "private",
        minRamMiB: source?.minRamMiB ?? 0,
        minDiskGiB: instance.diskGiB,
        properties: { kind: instance.kind, source: "snapshot", instanceId: instance.id, instanceName: instance.name },
      },
    });
    const action = await tx.instanceAction.create({ data: { instanceId: instance.id, requestId, action: "snapshot", userId: actor.userId } });
    await enqueue(tx, "snapshot-instance", { instanceId: instance.id, imageId: image.id, actionId: action.id });
    return image;
  });
}

/** The job: commit → save from the host → into the store (checked) → active; the host already holds it. */
export async function snapshotInstance(db: Db, job: { instanceId: string; imageId: string; actionId: string }) {
  const instance = await db.instance.findUnique({ where: { id: job.instanceId }, include: { host: true } });
  const image = await db.image.findUnique({ where: { id: job.imageId } });
  if (!instance || !image || image.status !== "saving") return;
  const tag = `berth-snapshot/${image.id}`;
  try {
    if (!instance.host || !instance.containerId) throw new BerthError("CONFLICT", "The instance has no container to snapshot.");
    const docker = dockerOf(instance.host);
    await step(db, job.actionId, "commit", () => docker.docker.getContainer(instance.containerId!).commit({ repo: tag, tag: "1", pause: true }));
    const stored = await step(db, job.actionId, "store", async () => storeArchive(db, await docker.saveImage(`${tag}:1`)), (s) => `${s.sizeBytes} bytes`);
    // The host's copy is recorded and the instance freed before the image turns active, so
    // active always means the snapshot is complete.
    await db.hostImage.createMany({ data: [{ hostId: instance.host.id, imageId: image.id }], skipDuplicates: true });
    await releaseTask(db, job.instanceId);
    await finishImage(db, image.id, stored);
    await finishAction(db, job.actionId);
  } catch (error) {
    const reason = `Snapshot failed: ${(error as Error).message}`;
    await killImage(db, image.id, reason);
    await finishAction(db, job.actionId, reason);
  } finally {
    await releaseTask(db, job.instanceId);
  }
}

function releaseTask(db: Db, instanceId: string) {
  return db.instance.updateMany({ where: { id: instanceId, taskState: "image_snapshot" }, data: { taskState: null } });
}
