import type { Actor } from "@/lib/instances/request-action";
import { instanceStatus, runningTask } from "@/lib/instances/status";
import { eventually, startCloud, type Cloud } from "./cloud";

/** A cloud whose project may launch without instance or RAM limits, with a member and an admin to act in it. */
export async function startComputeCloud(hosts: number): Promise<{ cloud: Cloud; member: Actor; admin: Actor }> {
  const cloud = await startCloud({ hosts });
  await setQuota(cloud, "instances", -1);
  await setQuota(cloud, "ram", -1);
  return { cloud, member: { userId: cloud.userId, isAdmin: false, projectId: cloud.projectId }, admin: { userId: cloud.userId, isAdmin: true } };
}

/** Sets one of the test project's quota limits (-1: unlimited). */
export async function setQuota(cloud: Cloud, resource: string, limit: number) {
  await cloud.db.quota.upsert({
    where: { projectId_resource: { projectId: cloud.projectId, resource } },
    create: { projectId: cloud.projectId, resource, limit },
    update: { limit },
  });
}

export async function instanceRow(cloud: Cloud, id: string) {
  return cloud.db.instance.findUniqueOrThrow({ where: { id }, include: { host: true } });
}

/** Waits until the instance shows `status` with no job running on it, and returns its row. */
export async function untilStatus(cloud: Cloud, id: string, status: string, timeoutMs = 20_000) {
  return eventually(async () => {
    const r = await instanceRow(cloud, id);
    return instanceStatus(r) === status && runningTask(r.taskState) === null && r;
  }, timeoutMs, status);
}
