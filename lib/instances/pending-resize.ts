import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Instance } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { enqueue } from "@/lib/jobs/queue";
import { RESIZED } from "./status";

/**
 * A resize waiting to be confirmed or reverted (Nova's VERIFY_RESIZE) keeps what a revert needs:
 * the old flavor and, when the resize moved the instance, its stopped container on the old host.
 * It is kept as the "verify" step of the resize's action record, open until the resize is
 * confirmed, reverted or the instance deleted, so the action log shows the wait and its outcome.
 */
const VERIFY_EVENT = "verify";

const pendingSchema = z.object({
  /** The instance's flavor copy before the resize. */
  flavor: z.object({
    flavorId: z.string().nullable(),
    flavorName: z.string(),
    vcpus: z.number(),
    ramMiB: z.number(),
    diskGiB: z.number(),
    swapMiB: z.number(),
    flavorExtraSpecs: z.record(z.string(), z.json()),
  }),
  /** Where the instance ran before a resize that moved it; null for a resize in place. */
  source: z.object({ hostId: z.string(), containerId: z.string(), wasRunning: z.boolean() }).nullable(),
});

export type PendingResize = z.infer<typeof pendingSchema> & { eventId: string };
export type ResizeOutcome = "confirmed" | "reverted" | "deleted";

/** The resize of this instance that waits to be confirmed or reverted, if one does. */
export async function pendingResize(db: Db, instanceId: string): Promise<PendingResize | null> {
  const event = await db.instanceActionEvent.findFirst({
    where: { event: VERIFY_EVENT, finishedAt: null, action: { instanceId, action: "resize" } },
    orderBy: { startedAt: "desc" },
  });
  return event ? { ...pendingSchema.parse(JSON.parse(event.details ?? "null")), eventId: event.id } : null;
}

/** An action log step's details as people read them: the verify step's record in words. */
export function stepDetails(step: { event: string; details: string | null }): string | null {
  if (step.event !== VERIFY_EVENT || !step.details) return step.details;
  const { flavor, source } = pendingSchema.parse(JSON.parse(step.details));
  return `${flavor.flavorName} kept for a revert${source ? ", with the old container stopped on the old host" : ""}`;
}

/** The task_state an instance returns to when no job runs on it. */
export async function restingTask(db: Db, instanceId: string): Promise<typeof RESIZED | null> {
  return (await pendingResize(db, instanceId)) ? RESIZED : null;
}

/**
 * The writes, for the transaction that ends a resize, that leave it waiting for its confirmation,
 * with the durable job that confirms it when nobody decides within BERTH_RESIZE_CONFIRM_SECONDS.
 * `before` is the instance as it was before the resize.
 */
export function awaitConfirmation(db: Db, before: Instance, actionId: string, source: PendingResize["source"]) {
  const { flavorId, flavorName, vcpus, ramMiB, diskGiB, swapMiB, flavorExtraSpecs } = before;
  const pending = pendingSchema.parse({ flavor: { flavorId, flavorName, vcpus, ramMiB, diskGiB, swapMiB, flavorExtraSpecs }, source });
  const eventId = randomUUID();
  const confirmAt = new Date(Date.now() + env().BERTH_RESIZE_CONFIRM_SECONDS * 1000);
  return [
    db.instanceActionEvent.create({ data: { id: eventId, actionId, event: VERIFY_EVENT, details: JSON.stringify(pending) } }),
    enqueue(db, "auto-confirm-resize", { instanceId: before.id, eventId }, { jobKey: `auto-confirm-resize:${before.id}`, runAt: confirmAt }),
  ] as const;
}

/** The write, for the transaction that confirms, reverts or deletes, that ends the wait. */
export function endWait(db: Db, pending: PendingResize, outcome: ResizeOutcome) {
  return db.instanceActionEvent.update({ where: { id: pending.eventId }, data: { finishedAt: new Date(), result: outcome } });
}
