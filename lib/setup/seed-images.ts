import "server-only";
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import type { Host } from "@/lib/db/generated/client";
import { dockerOf } from "@/lib/hosts/host-connection";
import type { ImageStore } from "@/lib/images/image-store";
import { buildSeedImage, SEED_IMAGES } from "@/lib/images/seed-images";

/**
 * Builds Berth's own images (no registry is needed), keeps their archives in the image store,
 * lists them in the catalogue as public and protected, and loads them onto the given host.
 */
export async function seedImages(db: Db, store: ImageStore, host: Host | null, workDir: string): Promise<string[]> {
  const scratch = await mkdtemp(path.join(workDir, "seed-"));
  try {
    const names: string[] = [];
    for (const seed of SEED_IMAGES) {
      const built = await buildSeedImage(seed.name, scratch);
      const stored = await store.putStream(createReadStream(built.archivePath));
      const fields = {
        status: "active" as const,
        visibility: "public" as const,
        protected: true,
        sizeBytes: BigInt(stored.sizeBytes),
        archiveDigest: stored.digest,
        dockerImageId: built.dockerImageId,
        dockerRef: built.ref,
        properties: built.properties,
      };
      const existing = await db.image.findFirst({ where: { name: built.name, ownerProjectId: null } });
      const image = existing
        ? await db.image.update({ where: { id: existing.id }, data: fields })
        : await db.image.create({ data: { name: built.name, ...fields } });
      if (host) await ensureOnHost(db, store, host, image.id, built.ref, stored.digest);
      names.push(built.name);
    }
    return names;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function ensureOnHost(db: Db, store: ImageStore, host: Host, imageId: string, ref: string, digest: string) {
  const docker = dockerOf(host);
  if (!(await docker.hasImage(ref))) await docker.loadImage(store.open(digest));
  await db.hostImage.upsert({
    where: { hostId_imageId: { hostId: host.id, imageId } },
    create: { hostId: host.id, imageId },
    update: {},
  });
}
