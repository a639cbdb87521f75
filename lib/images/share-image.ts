import "server-only";
import type { Db } from "@/lib/db/client";
import { audit, type AuditActor } from "@/lib/audit/audit";
import { BerthError } from "@/lib/errors";
import { isUuid } from "@/lib/identity/access";

/**
 * Sharing an image with other projects (Glance's members). Only a `shared` image has members;
 * only its owner (or an admin: `ownerProjectId` null) adds or removes them; a member project sees
 * and launches it at once, and may leave it.
 */
async function ownedImage(db: Db, imageId: string, ownerProjectId: string | null) {
  const image = isUuid(imageId)
    ? await db.image.findFirst({ where: { id: imageId, status: { not: "deleted" }, ...(ownerProjectId ? { ownerProjectId } : {}) } })
    : null;
  if (!image) throw new BerthError("NOT_FOUND", "Image not found.");
  return image;
}

export async function shareImage(db: Db, actor: AuditActor, imageId: string, ownerProjectId: string | null, memberProjectId: string) {
  const image = await ownedImage(db, imageId, ownerProjectId);
  if (image.visibility !== "shared") throw new BerthError("FORBIDDEN", `Image ${image.name} is ${image.visibility}: only shared images have members.`);
  const project = isUuid(memberProjectId) ? await db.project.findUnique({ where: { id: memberProjectId } }) : null;
  if (!project) throw new BerthError("INVALID_INPUT", `Project ${memberProjectId} not found.`, { member: "unknown project" });
  if (project.id === image.ownerProjectId) throw new BerthError("CONFLICT", `Project ${project.name} owns image ${image.name}.`);
  if (await db.imageMember.findUnique({ where: { imageId_projectId: { imageId, projectId: project.id } } })) {
    throw new BerthError("CONFLICT", `Image ${image.name} is already shared with ${project.name}.`);
  }
  return db.$transaction(async (tx) => {
    const member = await tx.imageMember.create({ data: { imageId, projectId: project.id } });
    await audit(tx, actor, "image.share", { type: "image", id: imageId, name: `${image.name} → ${project.name}` }, null, member);
    return member;
  });
}

export async function unshareImage(db: Db, actor: AuditActor, imageId: string, ownerProjectId: string | null, memberProjectId: string) {
  const image = await ownedImage(db, imageId, ownerProjectId);
  await removeMember(db, actor, image, memberProjectId);
}

/** A member project stops seeing an image shared with it. */
export async function leaveSharedImage(db: Db, actor: AuditActor, imageId: string, memberProjectId: string) {
  const image = await ownedImage(db, imageId, null);
  await removeMember(db, actor, image, memberProjectId);
}

async function removeMember(db: Db, actor: AuditActor, image: { id: string; name: string }, projectId: string) {
  const key = { imageId_projectId: { imageId: image.id, projectId } };
  const member = isUuid(projectId) ? await db.imageMember.findUnique({ where: key }) : null;
  if (!member) throw new BerthError("NOT_FOUND", `Image ${image.name} is not shared with project ${projectId}.`);
  await db.$transaction(async (tx) => {
    await tx.imageMember.delete({ where: key });
    await audit(tx, actor, "image.unshare", { type: "image", id: image.id, name: image.name }, member, null);
  });
}
