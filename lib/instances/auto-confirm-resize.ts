import "server-only";
import type { Db } from "@/lib/db/client";
import { pendingResize } from "./pending-resize";
import { requestAction } from "./request-action";

export type AutoConfirmJob = { instanceId: string; eventId: string };

/**
 * Nova's resize_confirm_window: confirms a resize nobody confirmed or reverted in time, as Berth
 * itself. The job of a resize already decided does nothing; one that finds the instance busy or
 * its host unreachable fails, and the queue tries it again later.
 */
export async function autoConfirmResize(db: Db, job: AutoConfirmJob): Promise<void> {
  const pending = await pendingResize(db, job.instanceId);
  if (pending?.eventId !== job.eventId) return;
  await requestAction(db, { userId: null, isAdmin: true }, job.instanceId, "confirm-resize");
}
