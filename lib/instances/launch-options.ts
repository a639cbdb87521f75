import "server-only";
import type { Db } from "@/lib/db/client";
import { flavorsForProject } from "@/lib/flavors/list-flavors";
import { imagesForProject } from "@/lib/images/list-images";
import { quotaUsage, type QuotaUsage } from "@/lib/quotas/quotas";

export type LaunchImage = {
  id: string;
  name: string;
  minRamMiB: number;
  minDiskGiB: number;
  sizeBytes: number;
  kind: "machine" | "application" | null;
  description: string | null;
};
export type LaunchFlavor = { id: string; name: string; vcpus: number; ramMiB: number; diskGiB: number };
export type LaunchOptions = { images: LaunchImage[]; flavors: LaunchFlavor[]; zones: string[]; quotas: QuotaUsage[] };

/** What the launch wizard offers: active images, the project's flavors, the hosts' zones and the quota left. */
export async function launchOptions(db: Db, projectId: string): Promise<LaunchOptions> {
  const [images, flavors, zones, quotas] = await Promise.all([
    imagesForProject(db, projectId),
    flavorsForProject(db, projectId),
    db.host.findMany({ where: { enabled: true }, distinct: ["availabilityZone"], select: { availabilityZone: true }, orderBy: { availabilityZone: "asc" } }),
    quotaUsage(db, projectId),
  ]);
  return {
    images: images
      .filter((image) => image.status === "active")
      .map((image) => {
        const properties = (image.properties ?? {}) as { kind?: unknown; description?: unknown };
        return {
          id: image.id,
          name: image.name,
          minRamMiB: image.minRamMiB,
          minDiskGiB: image.minDiskGiB,
          sizeBytes: Number(image.sizeBytes),
          kind: properties.kind === "machine" || properties.kind === "application" ? properties.kind : null,
          description: typeof properties.description === "string" ? properties.description : null,
        };
      }),
    flavors: flavors.map(({ id, name, vcpus, ramMiB, diskGiB }) => ({ id, name, vcpus, ramMiB, diskGiB })),
    zones: zones.map((zone) => zone.availabilityZone),
    quotas,
  };
}
