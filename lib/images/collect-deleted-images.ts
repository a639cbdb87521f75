import "server-only";
import type { Db } from "@/lib/db/client";
import { dockerOf } from "@/lib/hosts/host-connection";
import { logger } from "@/lib/logger";
import { ImageStore } from "./image-store";
import { removeIfUnused } from "./store-archive";

/**
 * Deleted images leave the catalogue at once and the hosts and the store lazily: each copy on a
 * host that no live instance there uses is removed, then the archive once nothing refers to it.
 */
export async function collectDeletedImages(db: Db): Promise<number> {
  const copies = await db.hostImage.findMany({ where: { image: { status: "deleted" } }, include: { image: true, host: true } });
  let removed = 0;
  for (const copy of copies) {
    if (copy.host.status !== "up" || !copy.image.dockerRef) continue;
    const inUse = await db.instance.count({ where: { hostId: copy.hostId, imageId: copy.imageId, deletedAt: null } });
    if (inUse) continue;
    // Identical content can stand in the catalogue twice (a re-upload): the live twin keeps the bits.
    const twin = await db.image.count({ where: { dockerImageId: copy.image.dockerImageId, status: { not: "deleted" }, hosts: { some: { hostId: copy.hostId } } } });
    try {
      if (!twin) await dockerOf(copy.host).removeImage(copy.image.dockerRef);
      await db.hostImage.delete({ where: { hostId_imageId: { hostId: copy.hostId, imageId: copy.imageId } } });
      removed++;
    } catch (error) {
      logger.warn({ host: copy.host.name, image: copy.image.name, err: error }, "could not remove a deleted image from a host yet");
    }
  }
  const orphaned = await db.image.findMany({ where: { status: "deleted", archiveDigest: { not: null }, hosts: { none: {} } } });
  const store = new ImageStore();
  for (const image of orphaned) await removeIfUnused(db, store, image.archiveDigest!);
  return removed;
}
