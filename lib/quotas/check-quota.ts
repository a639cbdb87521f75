import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { INSTANCE_RESOURCES, QUOTA_INFO, QUOTA_RESOURCES, quotaLimits, quotaUsed, type QuotaDelta, type QuotaResource } from "./quotas";


/** Requests that change what a project uses take its row first, so they are counted one after another. */
export async function lockProject(tx: Tx, projectId: string): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT id FROM projects WHERE id = $1::uuid FOR UPDATE`, projectId);
}

/**
 * Locks the project's row so concurrent requests in one project are counted one after another,
 * then checks usage + delta against the limits. Call inside the transaction that writes the rows.
 */
export async function lockAndCheckQuota(tx: Tx, projectId: string, delta: QuotaDelta): Promise<void> {
  await lockProject(tx, projectId);
  const message = await quotaShortfall(tx as unknown as Db, projectId, delta);
  if (message) throw new BerthError("QUOTA_EXCEEDED", message);
}

/** "Quota exceeded for instances: requested 1, used 10 of 10", or null when the delta fits. */
export async function quotaShortfall(db: Db, projectId: string, delta: QuotaDelta): Promise<string | null> {
  const asked = QUOTA_RESOURCES.filter((r) => (delta[r] ?? 0) > 0);
  const [limits, used] = await Promise.all([quotaLimits(db, projectId), quotaUsed(db, projectId, asked)]);
  for (const r of asked) {
    // A negative limit means unlimited, as in Nova.
    const more = delta[r] ?? 0;
    if (more > 0 && limits[r] >= 0 && used[r] + more > limits[r]) return shortfallMessage(r, more, used[r], limits[r]);
  }
  return null;
}

/**
 * Locks the project's row, reads limits and usage once, and returns how many of `per` to create
 * (Nova's min/max count: as many as fit up to max; refused when not even min fits).
 */
export async function lockAndFit(tx: Tx, projectId: string, per: QuotaDelta, min: number, max: number): Promise<number> {
  await lockProject(tx, projectId);
  const [limits, used] = await Promise.all([quotaLimits(tx as unknown as Db, projectId), quotaUsed(tx as unknown as Db, projectId, INSTANCE_RESOURCES)]);
  const each = (r: QuotaResource) => per[r] ?? 0;
  let fit = max;
  for (const r of QUOTA_RESOURCES) {
    if (each(r) > 0 && limits[r] >= 0) fit = Math.min(fit, Math.floor((limits[r] - used[r]) / each(r)));
  }
  if (fit >= min) return fit;
  const r = QUOTA_RESOURCES.find((q) => each(q) > 0 && limits[q] >= 0 && used[q] + each(q) * min > limits[q])!;
  throw new BerthError("QUOTA_EXCEEDED", shortfallMessage(r, each(r) * min, used[r], limits[r]));
}

/**
 * Instance usage above a limit (an admin lowered it after a launch was accepted), as a sentence;
 * null when within. Networks and ports over their limits do not stop an instance.
 */
export async function quotaOverrun(db: Db, projectId: string): Promise<string | null> {
  const [limits, used] = await Promise.all([quotaLimits(db, projectId), quotaUsed(db, projectId, INSTANCE_RESOURCES)]);
  const r = INSTANCE_RESOURCES.find((q) => limits[q] >= 0 && used[q] > limits[q]);
  return r ? `Quota exceeded for ${r}: the project uses ${used[r]}${unitOf(r)} of ${limits[r]}${unitOf(r)} (the limit was lowered after this launch was accepted)` : null;
}

const unitOf = (r: QuotaResource) => (QUOTA_INFO[r].unit ? ` ${QUOTA_INFO[r].unit}` : "");

function shortfallMessage(r: QuotaResource, requested: number, used: number, limit: number): string {
  return `Quota exceeded for ${r}: requested ${requested}${unitOf(r)}, used ${used}${unitOf(r)} of ${limit}${unitOf(r)}`;
}
