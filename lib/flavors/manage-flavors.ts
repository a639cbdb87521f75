import "server-only";
import type { Db } from "@/lib/db/client";
import { audit, type AuditActor } from "@/lib/audit/audit";
import { BerthError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { createFlavorSchema, type CreateFlavorInput } from "./flavor-schema";

export async function createFlavor(db: Db, actor: AuditActor, input: CreateFlavorInput) {
  const f = parseInput(createFlavorSchema, input, "flavor");
  if (await db.flavor.findUnique({ where: { name: f.name } })) {
    throw new BerthError("CONFLICT", `A flavor named ${f.name} already exists.`, { name: "already in use" });
  }
  const projects = await db.project.count({ where: { id: { in: f.projectIds } } });
  if (projects !== f.projectIds.length) throw new BerthError("INVALID_INPUT", "One of the chosen projects does not exist.", { projectIds: "unknown project" });
  return db.$transaction(async (tx) => {
    const flavor = await tx.flavor.create({
      data: {
        name: f.name,
        vcpus: f.vcpus,
        ramMiB: f.ramMiB,
        diskGiB: f.diskGiB,
        swapMiB: f.swapMiB,
        isPublic: f.isPublic,
        extraSpecs: f.extraSpecs,
        access: f.isPublic ? undefined : { create: f.projectIds.map((projectId) => ({ projectId })) },
      },
      include: { access: true },
    });
    await audit(tx, actor, "flavor.create", { type: "flavor", id: flavor.id, name: flavor.name }, null, flavor);
    return flavor;
  });
}

/** Deleting a flavor breaks nothing: every instance keeps its own copy. */
export async function deleteFlavor(db: Db, actor: AuditActor, flavorId: string) {
  const flavor = await db.flavor.findUnique({ where: { id: flavorId }, include: { access: true } });
  if (!flavor) throw new BerthError("NOT_FOUND", "Flavor not found.");
  await db.$transaction(async (tx) => {
    await tx.flavor.delete({ where: { id: flavorId } });
    await audit(tx, actor, "flavor.delete", { type: "flavor", id: flavor.id, name: flavor.name }, flavor, null);
  });
}

/** Which projects may use a private flavor. */
export async function setFlavorAccess(db: Db, actor: AuditActor, flavorId: string, projectIds: string[]) {
  const flavor = await db.flavor.findUnique({ where: { id: flavorId }, include: { access: true } });
  if (!flavor) throw new BerthError("NOT_FOUND", "Flavor not found.");
  if (flavor.isPublic) throw new BerthError("CONFLICT", `Flavor ${flavor.name} is public: every project can use it.`);
  await db.$transaction(async (tx) => {
    await tx.flavorAccess.deleteMany({ where: { flavorId } });
    await tx.flavorAccess.createMany({ data: projectIds.map((projectId) => ({ flavorId, projectId })) });
    await audit(tx, actor, "flavor.access", { type: "flavor", id: flavor.id, name: flavor.name }, { projectIds: flavor.access.map((a) => a.projectId) }, { projectIds });
  });
}
