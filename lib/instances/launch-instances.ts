import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { imageProperties } from "@/lib/images/image-properties";
import { enqueue } from "@/lib/jobs/queue";
import { launchNetworks } from "@/lib/networks/manage-networks";
import { lockAndFit } from "@/lib/quotas/check-quota";
import { parseInput } from "@/lib/validation";
import { launchSchema, type LaunchInput } from "./launch-schema";

export type Requester = { userId: string; projectId: string; requestId?: string };

const invalid = (field: string, message: string) => new BerthError("INVALID_INPUT", message, { [field]: message });

/**
 * Validates a launch, checks quota and writes the instances in BUILD with their action record
 * and spawn job, all in one transaction; the job does the slow part. Returns at once.
 */
export async function launchInstances(db: Db, who: Requester, input: LaunchInput) {
  const req = parseInput(launchSchema, input, "launch request");

  const [project, image, flavor] = await Promise.all([
    db.project.findUnique({ where: { id: who.projectId } }),
    db.image.findFirst({
      where: {
        id: req.imageId,
        status: { not: "deleted" },
        OR: [{ visibility: "public" }, { ownerProjectId: who.projectId }, { members: { some: { projectId: who.projectId } } }],
      },
    }),
    db.flavor.findFirst({
      where: { id: req.flavorId, OR: [{ isPublic: true }, { access: { some: { projectId: who.projectId } } }] },
    }),
  ]);
  if (!project) throw new BerthError("NOT_FOUND", "Project not found.");
  if (!project.enabled) throw new BerthError("FORBIDDEN", `Project ${project.name} is disabled: it cannot launch instances.`);
  if (!image) throw invalid("imageId", "Image not found in this project's catalogue.");
  if (image.status !== "active") throw invalid("imageId", `Image ${image.name} is ${image.status}, not active: it cannot be launched yet.`);
  if (!flavor) throw invalid("flavorId", "Flavor not found or not available to this project.");
  if (flavor.ramMiB < image.minRamMiB) {
    throw invalid("flavorId", `Flavor ${flavor.name} has ${flavor.ramMiB} MiB RAM; image ${image.name} needs at least ${image.minRamMiB} MiB.`);
  }
  if (flavor.diskGiB < image.minDiskGiB) {
    throw invalid("flavorId", `Flavor ${flavor.name} has ${flavor.diskGiB} GiB disk; image ${image.name} needs at least ${image.minDiskGiB} GiB.`);
  }
  if (req.availabilityZone && !(await db.host.count({ where: { availabilityZone: req.availabilityZone } }))) {
    throw invalid("availabilityZone", `No availability zone named ${req.availabilityZone}.`);
  }
  if (req.serverGroupId && !(await db.serverGroup.count({ where: { id: req.serverGroupId, projectId: who.projectId } }))) {
    throw invalid("serverGroupId", "Server group not found in this project.");
  }

  // Docker drops the image's CMD when the entrypoint is replaced, so the image's command goes with it.
  const command = req.command ?? (req.entrypoint ? undefined : (imageProperties(image.properties).command ?? undefined));
  const per = { instances: 1, cores: flavor.vcpus, ram: flavor.ramMiB, disk: flavor.diskGiB };
  const requestId = who.requestId ?? `req-${randomUUID()}`;
  const maxCount = req.maxCount ?? req.minCount;

  return db.$transaction(async (tx) => {
    // Nova's min/max count: launch as many as fit up to max, refuse when not even min fits.
    const count = await lockAndFit(tx, who.projectId, per, req.minCount, maxCount);
    const networkIds = await launchNetworks(tx, who.projectId, req.networkIds);
    const created = [];
    for (let i = 1; i <= count; i++) {
      const instance = await tx.instance.create({
        data: {
          name: count > 1 ? `${req.name}-${i}` : req.name,
          projectId: who.projectId,
          userId: who.userId,
          kind: req.kind,
          imageId: image.id,
          flavorId: flavor.id,
          flavorName: flavor.name,
          vcpus: flavor.vcpus,
          ramMiB: flavor.ramMiB,
          diskGiB: flavor.diskGiB,
          swapMiB: flavor.swapMiB,
          flavorExtraSpecs: flavor.extraSpecs ?? {},
          command,
          entrypoint: req.entrypoint,
          env: req.env,
          workingDir: req.workingDir,
          labels: req.labels,
          availabilityZone: req.availabilityZone,
          serverGroupId: req.serverGroupId,
          vmState: "building",
          taskState: "scheduling",
        },
      });
      await tx.instanceNetwork.createMany({ data: networkIds.map((networkId, position) => ({ instanceId: instance.id, networkId, position })) });
      await tx.instanceAction.create({
        data: { instanceId: instance.id, requestId, action: "create", userId: who.userId },
      });
      await enqueue(tx, "spawn-instance", { instanceId: instance.id }, { jobKey: `spawn:${instance.id}` });
      created.push(instance);
    }
    return { requestId, instances: created };
  });
}
