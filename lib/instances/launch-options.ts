import "server-only";
import type { Db } from "@/lib/db/client";
import { flavorsForProject } from "@/lib/flavors/list-flavors";
import { imageProperties } from "@/lib/images/image-properties";
import { imagesForProject } from "@/lib/images/list-images";
import { listNetworks } from "@/lib/networks/manage-networks";
import { listServerGroups } from "@/lib/networks/server-groups";
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
/** In the order the project lists them: the default network first. */
export type LaunchNetwork = { id: string; name: string; cidr: string | null; isDefault: boolean };
export type LaunchServerGroup = { id: string; name: string; policy: "affinity" | "anti_affinity" };
export type LaunchOptions = {
  images: LaunchImage[];
  flavors: LaunchFlavor[];
  zones: string[];
  networks: LaunchNetwork[];
  serverGroups: LaunchServerGroup[];
  quotas: QuotaUsage[];
};

/**
 * What the launch wizard offers: active images, the project's flavors, the hosts' zones, the
 * project's networks and server groups, and the quota left.
 */
export async function launchOptions(db: Db, projectId: string): Promise<LaunchOptions> {
  const [images, flavors, zones, networks, serverGroups, quotas] = await Promise.all([
    imagesForProject(db, projectId),
    flavorsForProject(db, projectId),
    db.host.findMany({ where: { enabled: true }, distinct: ["availabilityZone"], select: { availabilityZone: true }, orderBy: { availabilityZone: "asc" } }),
    listNetworks(db, projectId),
    listServerGroups(db, projectId),
    quotaUsage(db, projectId),
  ]);
  return {
    images: images
      .filter((image) => image.status === "active")
      .map((image) => {
        const { kind, description } = imageProperties(image.properties);
        return { id: image.id, name: image.name, minRamMiB: image.minRamMiB, minDiskGiB: image.minDiskGiB, sizeBytes: Number(image.sizeBytes), kind, description };
      }),
    flavors: flavors.map(({ id, name, vcpus, ramMiB, diskGiB }) => ({ id, name, vcpus, ramMiB, diskGiB })),
    zones: zones.map((zone) => zone.availabilityZone),
    networks: networks.map(({ id, name, cidr, isDefault }) => ({ id, name, cidr, isDefault })),
    serverGroups: serverGroups.map(({ id, name, policy }) => ({ id, name, policy })),
    quotas,
  };
}
