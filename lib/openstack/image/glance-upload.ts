import "server-only";
import type { AuditActor } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/client";
import type { Image } from "@/lib/db/generated/client";
import { BerthError } from "@/lib/errors";
import { claimImageName, fillImage } from "@/lib/images/upload-image";
import { newImageSchema, type NewImageInput } from "@/lib/images/upload-schema";
import { parseInput } from "@/lib/validation";

/**
 * Glance creates an image in two calls: the record (queued), then its data. These are
 * `uploadImage`'s two halves, built from the same pieces (name claim, checked store, finish, kill).
 */
export async function createQueuedImage(db: Db, projectId: string, input: NewImageInput, properties: Record<string, string>): Promise<Image> {
  const meta = parseInput(newImageSchema, input, "image");
  await claimImageName(db, projectId, meta.name);
  return db.image.create({
    data: {
      name: meta.name,
      ownerProjectId: projectId,
      status: "queued",
      visibility: meta.visibility,
      minRamMiB: meta.minRamMiB,
      minDiskGiB: meta.minDiskGiB,
      properties: { ...properties, kind: meta.kind, source: "upload" },
    },
  });
}

/** The archive for a queued image: streamed, checked and stored; a bad one leaves the image killed with the reason. */
export async function uploadImageData(db: Db, actor: AuditActor, image: Image, body: NodeJS.ReadableStream): Promise<Image> {
  const claimed = await db.image.updateMany({ where: { id: image.id, status: "queued" }, data: { status: "saving" } });
  if (!claimed.count) throw new BerthError("CONFLICT", `Image ${image.name} is ${image.status}: only a queued image takes data.`);
  return fillImage(db, actor, image, body);
}
