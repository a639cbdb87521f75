import "server-only";
import type { Db } from "@/lib/db/client";
import type { Host, Image } from "@/lib/db/generated/client";
import { BerthError } from "@/lib/errors";
import { dockerOf } from "@/lib/hosts/host-connection";
import { ImageStore } from "./image-store";

const globalTransfers = globalThis as unknown as { berthImageTransfers?: Map<string, Promise<boolean>> };
const transfers = (globalTransfers.berthImageTransfers ??= new Map());

/**
 * Makes sure the host has the image, loading it from Berth's image store when it does not.
 * Concurrent launches of one image on one host share a single transfer.
 * Resolves to true when a transfer happened.
 */
export function ensureImageOnHost(db: Db, host: Host, image: Image): Promise<boolean> {
  const key = `${host.id}:${image.id}`;
  const running = transfers.get(key);
  if (running) return running;
  const transfer = transferIfMissing(db, host, image).finally(() => transfers.delete(key));
  transfers.set(key, transfer);
  return transfer;
}

async function transferIfMissing(db: Db, host: Host, image: Image): Promise<boolean> {
  if (!image.dockerRef) throw new BerthError("INTERNAL", `Image ${image.name} has no Docker reference.`);
  const docker = dockerOf(host);
  let transferred = false;
  if (!(await docker.hasImage(image.dockerRef))) {
    if (!image.archiveDigest) {
      throw new BerthError("NOT_FOUND", `Image ${image.name} is not on host ${host.name} and has no archive in the image store.`);
    }
    const store = new ImageStore();
    if (!(await store.has(image.archiveDigest))) {
      throw new BerthError("NOT_FOUND", `The archive of image ${image.name} is missing from the image store.`);
    }
    await docker.loadImage(store.open(image.archiveDigest));
    transferred = true;
  }
  await db.hostImage.createMany({ data: [{ hostId: host.id, imageId: image.id }], skipDuplicates: true });
  return transferred;
}
