import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Instance } from "@/lib/db/generated/client";
import { BerthError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/queue";
import { lockAndCheckQuota } from "@/lib/quotas/check-quota";
import { parseInput } from "@/lib/validation";
import { instanceNameSchema } from "./launch-schema";
import { pendingResize, restingTask } from "./pending-resize";
import { assertAllowed, type InstanceAction } from "./state-machine";
import { RESIZED } from "./status";

/** `userId` null: Berth acting by itself (confirming a resize nobody decided on). */
export type Actor = { userId: string | null; isAdmin: boolean; projectId?: string; requestId?: string };

/** The task_state an action sets while its job runs (Nova's names where it has one). */
export const TASK_OF = {
  start: "powering-on",
  stop: "powering-off",
  reboot: "rebooting",
  "hard-reboot": "rebooting_hard",
  pause: "pausing",
  unpause: "unpausing",
  rebuild: "rebuilding",
  resize: "resizing",
  delete: "deleting",
  migrate: "migrating",
  evacuate: "rebuilding",
  "confirm-resize": "resize_confirming",
  "revert-resize": "resize_reverting",
} as const satisfies Partial<Record<InstanceAction, string>>;

export type JobAction = keyof typeof TASK_OF;

export const rebuildSchema = z.object({ imageId: z.uuid("choose an image").optional() });
export const resizeSchema = z.object({ flavorId: z.uuid("choose a flavor") });
export const resetStateSchema = z.object({ state: z.enum(["active", "error"], "must be active or error") });

/** Loads an instance the actor may act on; anyone outside its project gets "not found". */
export async function findInstance(db: Db, actor: Actor, instanceId: string): Promise<Instance> {
  const instance = z.uuid().safeParse(instanceId).success
    ? await db.instance.findFirst({
        where: { id: instanceId, deletedAt: null, ...(actor.projectId ? { projectId: actor.projectId } : {}) },
      })
    : null;
  if (!instance) throw new BerthError("NOT_FOUND", "Instance not found.");
  return instance;
}

/**
 * Accepts a lifecycle action: checks it fits the instance's state, marks the task and queues the
 * job that does the Docker work, in one transaction. Returns at once with the request id.
 */
export async function requestAction(
  db: Db,
  actor: Actor,
  instanceId: string,
  action: JobAction,
  params: Record<string, unknown> = {},
): Promise<{ requestId: string }> {
  const instance = await findInstance(db, actor, instanceId);
  assertAllowed(instance, action, actor.isAdmin);
  const checked = await checkParams(db, instance, action, params);
  const requestId = actor.requestId ?? `req-${randomUUID()}`;
  await db.$transaction(async (tx) => {
    if (checked.resizesTo) await lockAndCheckQuota(tx, instance.projectId, growth(instance, checked.resizesTo));
    // Only one task at a time: the row must still be as checked above.
    const marked = await tx.instance.updateMany({
      where: { id: instance.id, taskState: action === "delete" ? undefined : taskBefore(action), deletedAt: null },
      data: { taskState: TASK_OF[action] },
    });
    if (!marked.count) throw new BerthError("CONFLICT", `Instance ${instance.name} just started another task; try again when it ends.`);
    const record = await tx.instanceAction.create({
      data: { instanceId: instance.id, requestId, action, userId: actor.userId },
    });
    await enqueue(tx, "instance-action", { instanceId: instance.id, action, actionId: record.id, params: checked.params });
  });
  return { requestId };
}

type Size = { vcpus: number; ramMiB: number; diskGiB: number };

/** What growing to a new size adds to the project's usage (shrinking adds nothing). */
function growth(from: Size, to: Size) {
  return { cores: Math.max(to.vcpus - from.vcpus, 0), ram: Math.max(to.ramMiB - from.ramMiB, 0), disk: Math.max(to.diskGiB - from.diskGiB, 0) };
}

/** The task_state an action starts from: confirming or reverting a resize leave its wait, the others an idle instance. */
function taskBefore(action: JobAction) {
  return action === "confirm-resize" || action === "revert-resize" ? RESIZED : null;
}

async function checkParams(db: Db, instance: Instance, action: JobAction, params: Record<string, unknown>): Promise<{ params: Record<string, unknown>; resizesTo?: Size }> {
  if (action === "rebuild") {
    const { imageId } = parseInput(rebuildSchema, params);
    const id = imageId ?? instance.imageId;
    const image = id
      ? await db.image.findFirst({
          where: {
            id,
            status: "active",
            OR: [{ visibility: "public" }, { ownerProjectId: instance.projectId }, { members: { some: { projectId: instance.projectId } } }],
          },
        })
      : null;
    if (!image) throw new BerthError("INVALID_INPUT", "Image not found in this project's catalogue.", { imageId: "not found" });
    if (image.minRamMiB > instance.ramMiB || image.minDiskGiB > instance.diskGiB) {
      throw new BerthError("INVALID_INPUT", `Image ${image.name} needs ${image.minRamMiB} MiB RAM and ${image.minDiskGiB} GiB disk; the instance's flavor is smaller.`, { imageId: "too large for the flavor" });
    }
    return { params: { imageId: image.id } };
  }
  if (action === "resize") {
    const { flavorId } = parseInput(resizeSchema, params);
    const flavor = await db.flavor.findFirst({
      where: { id: flavorId, OR: [{ isPublic: true }, { access: { some: { projectId: instance.projectId } } }] },
    });
    if (!flavor) throw new BerthError("INVALID_INPUT", "Flavor not found or not available to this project.", { flavorId: "not found" });
    if (flavor.id === instance.flavorId && flavor.vcpus === instance.vcpus && flavor.ramMiB === instance.ramMiB) {
      throw new BerthError("INVALID_INPUT", `Instance ${instance.name} already has flavor ${flavor.name}.`, { flavorId: "same as current" });
    }
    const image = instance.imageId ? await db.image.findUnique({ where: { id: instance.imageId } }) : null;
    if (image && (flavor.ramMiB < image.minRamMiB || flavor.diskGiB < image.minDiskGiB)) {
      throw new BerthError("INVALID_INPUT", `Flavor ${flavor.name} is below image ${image.name}'s minimum (${image.minRamMiB} MiB RAM, ${image.minDiskGiB} GiB disk).`, { flavorId: "below the image's minimum" });
    }
    return { params: { flavorId: flavor.id }, resizesTo: flavor };
  }
  if (action === "revert-resize") {
    // Reverting a resize down grows the instance again: the room it freed may have been taken since.
    const pending = await pendingResize(db, instance.id);
    if (!pending) throw new BerthError("CONFLICT", `Instance ${instance.name} has no resize to revert.`);
    return { params: {}, resizesTo: pending.flavor };
  }
  return { params: {} };
}

/** Actions with no Docker work: lock, unlock, rename, reset-state. */
export async function lockInstance(db: Db, actor: Actor, instanceId: string, locked: boolean, reason?: string) {
  const instance = await findInstance(db, actor, instanceId);
  assertAllowed(instance, locked ? "lock" : "unlock", actor.isAdmin);
  await recordImmediate(db, actor, instance.id, locked ? "lock" : "unlock", {
    locked,
    lockedReason: locked ? (reason ?? null) : null,
  });
}

export async function renameInstance(db: Db, actor: Actor, instanceId: string, name: string) {
  const newName = parseInput(z.object({ name: instanceNameSchema }), { name }, "name").name;
  const instance = await findInstance(db, actor, instanceId);
  assertAllowed(instance, "rename", actor.isAdmin);
  await recordImmediate(db, actor, instance.id, "rename", { name: newName });
}

/**
 * Admin: puts an instance stuck in a task back to a plain state, as Nova's reset-state does (a
 * resize waiting for its confirmation keeps waiting: only confirm or revert release what it holds).
 */
export async function resetState(db: Db, actor: Actor, instanceId: string, params: unknown) {
  if (!actor.isAdmin) throw new BerthError("NOT_FOUND", "Instance not found.");
  const { state } = parseInput(resetStateSchema, params);
  const instance = await findInstance(db, actor, instanceId);
  assertAllowed(instance, "reset-state", true);
  await recordImmediate(db, actor, instance.id, "reset-state", {
    vmState: state,
    taskState: await restingTask(db, instance.id),
    ...(state === "active" ? { faultCode: null, faultMessage: null, faultDetails: null, faultAt: null } : {}),
  });
}

async function recordImmediate(db: Db, actor: Actor, instanceId: string, action: string, data: Parameters<Db["instance"]["update"]>[0]["data"]) {
  const now = new Date();
  await db.$transaction([
    db.instance.update({ where: { id: instanceId }, data }),
    db.instanceAction.create({
      data: { instanceId, requestId: actor.requestId ?? `req-${randomUUID()}`, action, userId: actor.userId, finishedAt: now, result: "success" },
    }),
  ]);
}
