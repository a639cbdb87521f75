import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { audit, type AuditActor } from "@/lib/audit/audit";
import { BerthError } from "@/lib/errors";
import { dockerOf } from "@/lib/hosts/host-connection";
import { enqueue } from "@/lib/jobs/queue";
import { parseInput } from "@/lib/validation";
import { storeArchive } from "./store-archive";
import { claimImageName, finishImage, killImage } from "./upload-image";
import { newImageSchema } from "./upload-schema";

export const importImageSchema = newImageSchema.extend({
  hostId: z.uuid("choose a host"),
  reference: z.string().trim().min(1, "is required").max(512).regex(/^[A-Za-z0-9][A-Za-z0-9._\/:@-]*$/, "an image name, name:tag or sha256:id"),
});

/** Adds an image already present on a registered host to the catalogue; a job carries it into the store. */
export async function requestImport(db: Db, actor: AuditActor, projectId: string, input: z.input<typeof importImageSchema>) {
  const req = parseInput(importImageSchema, input, "import");
  const host = await db.host.findUnique({ where: { id: req.hostId } });
  if (!host) throw new BerthError("INVALID_INPUT", "Host not found.", { hostId: "not found" });
  if (!(await dockerOf(host).hasImage(req.reference))) {
    throw new BerthError("INVALID_INPUT", `Host ${host.name} has no image ${req.reference}.`, { reference: "not on that host" });
  }
  await claimImageName(db, projectId, req.name);
  return db.$transaction(async (tx) => {
    const image = await tx.image.create({
      data: {
        name: req.name,
        ownerProjectId: projectId,
        status: "saving",
        visibility: req.visibility,
        minRamMiB: req.minRamMiB,
        minDiskGiB: req.minDiskGiB,
        properties: { kind: req.kind, source: "import", host: host.name, reference: req.reference },
      },
    });
    await enqueue(tx, "import-image", { imageId: image.id, hostId: host.id, reference: req.reference, actor });
    return image;
  });
}

export async function importImage(db: Db, job: { imageId: string; hostId: string; reference: string; actor: AuditActor }) {
  const [image, host] = await Promise.all([
    db.image.findUnique({ where: { id: job.imageId } }),
    db.host.findUnique({ where: { id: job.hostId } }),
  ]);
  if (!image || image.status !== "saving") return;
  try {
    if (!host) throw new BerthError("NOT_FOUND", "The host is gone.");
    const stored = await storeArchive(db, await dockerOf(host).saveImage(job.reference));
    await db.hostImage.createMany({ data: [{ hostId: host.id, imageId: image.id }], skipDuplicates: true });
    const active = await finishImage(db, image.id, stored);
    await audit(db, job.actor, "image.import", { type: "image", id: image.id, name: image.name }, null, active);
  } catch (error) {
    await killImage(db, image.id, `Import failed: ${(error as Error).message}`);
  }
}
