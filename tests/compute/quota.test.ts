import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchInstances } from "@/lib/instances/launch-instances";
import { quotaUsage } from "@/lib/quotas/quotas";
import { startCloud, type Cloud } from "../support/cloud";

let cloud: Cloud;
// No background services: this file is about the request path only.
beforeAll(async () => {
  cloud = await startCloud({ hosts: 1, services: false });
});
afterAll(() => cloud?.stop());

describe("quota", () => {
  it("lets exactly 10 of 100 simultaneous launches through an instance quota of 10", async () => {
    const who = { userId: cloud.userId, projectId: cloud.projectId };
    const request = (i: number) =>
      launchInstances(cloud.db, who, { name: `q-${i}`, imageId: cloud.imageId("busybox"), flavorId: cloud.flavorId("m1.nano"), kind: "machine" });
    const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => request(i)));
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(90);
    expect(new Set(refused.map((r) => r.reason.message))).toEqual(new Set(["Quota exceeded for instances: requested 1, used 10 of 10"]));
    expect(refused.every((r) => r.reason.code === "QUOTA_EXCEEDED")).toBe(true);
    expect(await cloud.db.instance.count({ where: { projectId: cloud.projectId } })).toBe(10);
    expect((await quotaUsage(cloud.db, cloud.projectId))[0]).toMatchObject({ resource: "instances", used: 10, limit: 10 });
  });

  it("refuses over the RAM quota naming the amounts", async () => {
    await cloud.db.quota.create({ data: { projectId: cloud.projectId, resource: "instances", limit: 20 } });
    await cloud.db.quota.create({ data: { projectId: cloud.projectId, resource: "ram", limit: 1000 } });
    await expect(
      launchInstances(cloud.db, { userId: cloud.userId, projectId: cloud.projectId }, {
        name: "big",
        imageId: cloud.imageId("busybox"),
        flavorId: cloud.flavorId("m1.small"),
        kind: "machine",
      }),
    ).rejects.toMatchObject({ code: "QUOTA_EXCEEDED", message: "Quota exceeded for ram: requested 512 MiB, used 640 MiB of 1000 MiB" });
  });

  it("launches as many as fit between min and max count", async () => {
    const who = { userId: cloud.userId, projectId: cloud.projectId };
    // 640 of 1000 MiB used: five more m1.nano (64 MiB) fit.
    const { instances } = await launchInstances(cloud.db, who, {
      name: "batch",
      imageId: cloud.imageId("busybox"),
      flavorId: cloud.flavorId("m1.nano"),
      kind: "machine",
      minCount: 2,
      maxCount: 8,
    });
    expect(instances.map((i) => i.name)).toEqual(["batch-1", "batch-2", "batch-3", "batch-4", "batch-5"]);
    await expect(
      launchInstances(cloud.db, who, { name: "more", imageId: cloud.imageId("busybox"), flavorId: cloud.flavorId("m1.nano"), kind: "machine", minCount: 2 }),
    ).rejects.toMatchObject({ message: "Quota exceeded for ram: requested 128 MiB, used 960 MiB of 1000 MiB" });
  });
});
