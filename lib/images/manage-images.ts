import "server-only";
import type { Db } from "@/lib/db/client";
import { audit, type AuditActor } from "@/lib/audit/audit";
import { BerthError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { updateImageSchema, type UpdateImageInput } from "./image-schema";

/** `projectId` null: an admin acting on any image; otherwise only the project's own images. */
async function imageOrThrow(db: Db, imageId: string, projectId: string | null) {
  const image = await db.image.findFirst({ where: { id: imageId, status: { not: "deleted" }, ...(projectId ? { ownerProjectId: projectId } : {}) } });
  if (!image) throw new BerthError("NOT_FOUND", "Image not found.");
  return image;
}

export async function updateImage(db: Db, actor: AuditActor, imageId: string, projectId: string | null, input: UpdateImageInput) {
  const changes = parseInput(updateImageSchema, input, "image");
  const before = await imageOrThrow(db, imageId, projectId);
  if (changes.visibility === "public" && projectId) {
    throw new BerthError("FORBIDDEN", "Only an administrator can make an image public.", { visibility: "admins only" });
  }
  return db.$transaction(async (tx) => {
    const after = await tx.image.update({ where: { id: imageId }, data: changes });
    await audit(tx, actor, "image.update", { type: "image", id: imageId, name: before.name }, before, after);
    return after;
  });
}

/** Refused while protected or while an instance uses it, saying which. The archive goes lazily. */
export async function deleteImage(db: Db, actor: AuditActor, imageId: string, projectId: string | null) {
  const image = await imageOrThrow(db, imageId, projectId);
  if (image.protected) throw new BerthError("CONFLICT", `Image ${image.name} is protected: unprotect it before deleting.`);
  const users = await db.instance.findMany({ where: { imageId, deletedAt: null }, select: { name: true }, take: 3 });
  if (users.length) {
    throw new BerthError("CONFLICT", `Image ${image.name} is in use by ${users.map((u) => u.name).join(", ")}${users.length === 3 ? " and others" : ""}: delete or rebuild them first.`);
  }
  await db.$transaction(async (tx) => {
    const after = await tx.image.update({ where: { id: imageId }, data: { status: "deleted" } });
    await audit(tx, actor, "image.delete", { type: "image", id: imageId, name: image.name }, image, after);
  });
}
