import "server-only";
import type { Db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { QUOTA_INFO, QUOTA_RESOURCES, quotaLimits, quotaUsed, type QuotaResource } from "./quotas";

export type QuotaDelta = Record<QuotaResource, number>;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Locks the project's row so concurrent requests in one project are counted one after another,
 * then checks usage + delta against the limits. Call inside the transaction that writes the rows.
 */
export async function lockAndCheckQuota(tx: Tx, projectId: string, delta: QuotaDelta): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT id FROM projects WHERE id = $1::uuid FOR UPDATE`, projectId);
  const message = await quotaShortfall(tx as unknown as Db, projectId, delta);
  if (message) throw new BerthError("QUOTA_EXCEEDED", message);
}

/** How many of `per` fit (between 0 and `wanted`) in the project's remaining quota. */
export async function howManyFit(tx: Tx, projectId: string, per: QuotaDelta, wanted: number): Promise<number> {
  const [limits, used] = await Promise.all([quotaLimits(tx as unknown as Db, projectId), quotaUsed(tx as unknown as Db, projectId)]);
  let fit = wanted;
  for (const r of QUOTA_RESOURCES) {
    if (per[r] > 0 && limits[r] >= 0) fit = Math.min(fit, Math.floor((limits[r] - used[r]) / per[r]));
  }
  return Math.max(fit, 0);
}

/** "Quota exceeded for instances: requested 1, used 10 of 10", or null when the delta fits. */
export async function quotaShortfall(db: Db, projectId: string, delta: QuotaDelta): Promise<string | null> {
  const [limits, used] = await Promise.all([quotaLimits(db, projectId), quotaUsed(db, projectId)]);
  for (const r of QUOTA_RESOURCES) {
    // A negative limit means unlimited, as in Nova.
    if (delta[r] > 0 && limits[r] >= 0 && used[r] + delta[r] > limits[r]) {
      const unit = QUOTA_INFO[r].unit ? ` ${QUOTA_INFO[r].unit}` : "";
      return `Quota exceeded for ${r}: requested ${delta[r]}${unit}, used ${used[r]}${unit} of ${limits[r]}${unit}`;
    }
  }
  return null;
}
