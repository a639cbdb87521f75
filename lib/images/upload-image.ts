import "server-only";
import type { Db } from "@/lib/db/client";
import type { Image } from "@/lib/db/generated/client";
import { audit, type AuditActor } from "@/lib/audit/audit";
import { BerthError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { storeArchive } from "./store-archive";
import { newImageSchema, type NewImageInput } from "./upload-schema";

/** Refuses a name the project already uses for a live image; frees it from dead ones (killed, deleted). */
export async function claimImageName(db: Db, projectId: string, name: string): Promise<void> {
  const existing = await db.image.findFirst({ where: { ownerProjectId: projectId, name } });
  if (!existing) return;
  if (existing.status === "killed" || existing.status === "deleted") {
    await db.image.update({ where: { id: existing.id }, data: { name: `${name} (${existing.status} ${existing.id.slice(0, 8)})` } });
    return;
  }
  throw new BerthError("CONFLICT", `This project already has an image named ${name}.`, { name: "already in use" });
}

/** Marks an image killed with the reason in its properties, so the catalogue says why. */
export async function killImage(db: Db, imageId: string, reason: string): Promise<void> {
  const image = await db.image.findUnique({ where: { id: imageId } });
  await db.image.update({
    where: { id: imageId },
    data: { status: "killed", properties: { ...((image?.properties as object) ?? {}), error: reason } },
  });
}

/** Fills an image from a validated archive in the store; the row goes saving → active. */
export async function finishImage(db: Db, imageId: string, stored: Awaited<ReturnType<typeof storeArchive>>, extra: object = {}): Promise<Image> {
  const image = await db.image.findUniqueOrThrow({ where: { id: imageId } });
  return db.image.update({
    where: { id: imageId },
    data: {
      status: "active",
      sizeBytes: BigInt(stored.sizeBytes),
      archiveDigest: stored.digest,
      dockerImageId: stored.facts.dockerImageId,
      // The image id names it on every host, whatever tags the archive carried.
      dockerRef: stored.facts.dockerImageId,
      properties: {
        ...((image.properties as object) ?? {}),
        defaultCommand: stored.facts.defaultCommand,
        exposedPorts: stored.facts.exposedPorts,
        repoTags: stored.facts.repoTags,
        ...extra,
      },
    },
  });
}

/**
 * An image uploaded as a `docker save` archive: the catalogue row exists (saving) while the bytes
 * stream into the store; a bad archive leaves the row killed with the reason and nothing stored.
 */
export async function uploadImage(
  db: Db,
  actor: AuditActor,
  projectId: string,
  input: NewImageInput | Record<string, unknown>,
  body: NodeJS.ReadableStream,
  maxBytes?: number,
): Promise<Image> {
  const meta = parseInput(newImageSchema, input, "image");
  await claimImageName(db, projectId, meta.name);
  const image = await db.image.create({
    data: {
      name: meta.name,
      ownerProjectId: projectId,
      status: "saving",
      visibility: meta.visibility,
      minRamMiB: meta.minRamMiB,
      minDiskGiB: meta.minDiskGiB,
      properties: { kind: meta.kind, source: "upload", ...(meta.command && { command: meta.command }) },
    },
  });
  return fillImage(db, actor, image, body, maxBytes);
}

/**
 * Streams an archive into an image being saved (the dashboard's upload, Glance's `PUT …/file`):
 * checked and stored, the image active and the upload audited; a bad archive leaves it killed
 * with the reason.
 */
export async function fillImage(db: Db, actor: AuditActor, image: Image, body: NodeJS.ReadableStream, maxBytes?: number): Promise<Image> {
  try {
    const stored = await storeArchive(db, body, maxBytes);
    const active = await finishImage(db, image.id, stored);
    await audit(db, actor, "image.upload", { type: "image", id: image.id, name: image.name }, null, active);
    return active;
  } catch (error) {
    const reason = error instanceof BerthError ? error.message : `The upload failed: ${(error as Error).message}`;
    await killImage(db, image.id, reason);
    throw error instanceof BerthError ? error : new BerthError("INVALID_INPUT", reason, { file: reason });
  }
}
