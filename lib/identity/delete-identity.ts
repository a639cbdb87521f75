import "server-only";
import type { Db } from "@/lib/db/client";
import { audit, type AuditActor } from "@/lib/audit/audit";
import { BerthError } from "@/lib/errors";

/**
 * Deletes a project that never ran anything: instances keep their rows after deletion for the
 * usage report, so a project with any history is disabled instead, never deleted. Images it
 * still owns must go first.
 */
export async function deleteProject(db: Db, actor: AuditActor, projectId: string) {
  const project = await db.project.findUnique({ where: { id: projectId } });
  if (!project) throw new BerthError("NOT_FOUND", "Project not found.");
  const [live, history, images] = await Promise.all([
    db.instance.count({ where: { projectId, deletedAt: null } }),
    db.instance.count({ where: { projectId } }),
    db.image.count({ where: { ownerProjectId: projectId, status: { not: "deleted" } } }),
  ]);
  if (live) throw new BerthError("CONFLICT", `Project ${project.name} still has ${live} instance${live === 1 ? "" : "s"}: delete them first.`);
  if (history) throw new BerthError("CONFLICT", `Project ${project.name} has usage history, which Berth keeps: disable the project instead.`);
  if (images) throw new BerthError("CONFLICT", `Project ${project.name} still owns ${images} image${images === 1 ? "" : "s"}: delete them first.`);
  await db.$transaction(async (tx) => {
    await tx.project.delete({ where: { id: projectId } });
    await audit(tx, actor, "project.delete", { type: "project", id: projectId, name: project.name }, project, null);
  });
}

/** Deletes a user: their memberships, sessions and tokens go with them; their instances stay with their projects. */
export async function deleteUser(db: Db, actor: AuditActor, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new BerthError("NOT_FOUND", "User not found.");
  if (userId === actor.id) throw new BerthError("CONFLICT", "You cannot delete your own account.");
  await db.$transaction(async (tx) => {
    await tx.user.delete({ where: { id: userId } });
    await audit(tx, actor, "user.delete", { type: "user", id: userId, name: user.username }, user, null);
  });
}
