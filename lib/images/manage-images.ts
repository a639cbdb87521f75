import "server-only";
import type { Db } from "@/lib/db/client";
import { audit, type AuditActor } from "@/lib/audit/audit";
import { BerthError } from "@/lib/errors";
import type { Prisma } from "@/lib/db/generated/client";
import { parseInput } from "@/lib/validation";
import { updateImageSchema, type UpdateImageInput } from "./image-schema";
import { claimImageName } from "./upload-image";

/** `projectId` null: an admin acting on any image; otherwise only the project's own images. */
async function imageOrThrow(db: Db, imageId: string, projectId: string | null) {
  const image = await db.image.findFirst({ where: { id: imageId, status: { not: "deleted" }, ...(projectId ? { ownerProjectId: projectId } : {}) } });
  if (!image) throw new BerthError("NOT_FOUND", "Image not found.");
  return image;
}

/**
 * Changes an image's metadata. Kind and command live in its properties, the rest in columns.
 * A project may keep an image public that an admin made public, but not make one public.
 */
export async function updateImage(db: Db, actor: AuditActor, imageId: string, projectId: string | null, input: UpdateImageInput) {
  const { kind, command, ...columns } = parseInput(updateImageSchema, input, "image");
  const before = await imageOrThrow(db, imageId, projectId);
  if (columns.visibility === "public" && before.visibility !== "public" && projectId) {
    throw new BerthError("FORBIDDEN", "Only an administrator can make an image public.", { visibility: "admins only" });
  }
  if (before.ownerProjectId && columns.name && columns.name !== before.name) await claimImageName(db, before.ownerProjectId, columns.name);
  const properties = withProperties(before.properties, { kind, command });
  return db.$transaction(async (tx) => {
    const after = await tx.image.update({ where: { id: imageId }, data: { ...columns, ...(properties && { properties }) } });
    await audit(tx, actor, "image.update", { type: "image", id: imageId, name: before.name }, before, after);
    return after;
  });
}

/** The properties with the given keys set (null removes one), or null when none is given. */
function withProperties(properties: Prisma.JsonValue, changes: Record<string, unknown>): Prisma.InputJsonObject | null {
  const given = Object.entries(changes).filter(([, value]) => value !== undefined);
  if (!given.length) return null;
  const next: Record<string, unknown> = { ...(properties && typeof properties === "object" && !Array.isArray(properties) ? properties : {}) };
  for (const [key, value] of given) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next as Prisma.InputJsonObject;
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
