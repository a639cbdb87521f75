import "server-only";
import type { Db } from "@/lib/db/client";

/** Nova's instance action log: one record per request, with an event for each step it took. */
export async function startAction(
  db: Db,
  data: { instanceId: string; requestId: string; action: string; userId?: string | null },
) {
  return db.instanceAction.create({ data });
}

export async function finishAction(db: Db, actionId: string, error?: string) {
  await db.instanceAction.update({
    where: { id: actionId },
    data: { finishedAt: new Date(), result: error ? "error" : "success", error: error ?? null },
  });
}

/** Runs one step and records its start, end, result and (on failure) the reason. */
export async function step<T>(db: Db, actionId: string, event: string, body: () => Promise<T>, details?: (r: T) => string): Promise<T> {
  const record = await db.instanceActionEvent.create({ data: { actionId, event } });
  try {
    const result = await body();
    await db.instanceActionEvent.update({
      where: { id: record.id },
      data: { finishedAt: new Date(), result: "success", details: details?.(result) ?? null },
    });
    return result;
  } catch (error) {
    await db.instanceActionEvent.update({
      where: { id: record.id },
      data: { finishedAt: new Date(), result: "error", details: (error as Error).message },
    });
    throw error;
  }
}

export async function latestAction(db: Db, instanceId: string, action: string) {
  return db.instanceAction.findFirst({ where: { instanceId, action }, orderBy: { startedAt: "desc" } });
}
