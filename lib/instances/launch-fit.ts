import type { QuotaDelta, QuotaUsage } from "@/lib/quotas/quotas";

/**
 * Whether a launch fits, worked out in the browser from the figures the server gave it. The
 * sentences are the server's own (launchInstances, quotaShortfall), so a flavor the wizard
 * disables says exactly what the server would answer if asked anyway.
 */
export type FlavorShape = { name: string; vcpus: number; ramMiB: number; diskGiB: number };
export type ImageShape = { name: string; minRamMiB: number; minDiskGiB: number };

export function requestDelta(flavor: FlavorShape, count: number): QuotaDelta {
  return { instances: count, cores: flavor.vcpus * count, ram: flavor.ramMiB * count, disk: flavor.diskGiB * count };
}

export function quotaRefusal(quotas: QuotaUsage[], delta: QuotaDelta): string | null {
  for (const quota of quotas) {
    const wanted = delta[quota.resource] ?? 0;
    // A negative limit means unlimited, as in Nova.
    if (wanted > 0 && quota.limit >= 0 && quota.used + wanted > quota.limit) {
      const unit = quota.unit ? ` ${quota.unit}` : "";
      return `Quota exceeded for ${quota.resource}: requested ${wanted}${unit}, used ${quota.used}${unit} of ${quota.limit}${unit}`;
    }
  }
  return null;
}

export function imageRefusal(flavor: FlavorShape, image: ImageShape): string | null {
  if (flavor.ramMiB < image.minRamMiB) {
    return `Flavor ${flavor.name} has ${flavor.ramMiB} MiB RAM; image ${image.name} needs at least ${image.minRamMiB} MiB.`;
  }
  if (flavor.diskGiB < image.minDiskGiB) {
    return `Flavor ${flavor.name} has ${flavor.diskGiB} GiB disk; image ${image.name} needs at least ${image.minDiskGiB} GiB.`;
  }
  return null;
}

/** Why this flavor cannot be chosen for `count` instances of `image`, or null when it can. */
export function flavorRefusal(flavor: FlavorShape, image: ImageShape | null, count: number, quotas: QuotaUsage[]): string | null {
  return (image && imageRefusal(flavor, image)) || quotaRefusal(quotas, requestDelta(flavor, count));
}
