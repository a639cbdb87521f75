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

/**
 * Runs one step and records its start, end, result and (on failure) the reason. The record is
 * written once, when the step ends: one round trip instead of two on every launch's hot path.
 */
export async function step<T>(db: Db, actionId: string, event: string, body: () => Promise<T>, details?: (r: T) => string): Promise<T> {
  const startedAt = new Date();
  const record = (result: "success" | "error", text: string | null) =>
    db.instanceActionEvent.create({ data: { actionId, event, startedAt, finishedAt: new Date(), result, details: text } });
  try {
    const value = await body();
    await record("success", details?.(value) ?? null);
    return value;
  } catch (error) {
    await record("error", (error as Error).message);
    throw error;
  }
}

export async function latestAction(db: Db, instanceId: string, action: string) {
  return db.instanceAction.findFirst({ where: { instanceId, action }, orderBy: { startedAt: "desc" } });
}
