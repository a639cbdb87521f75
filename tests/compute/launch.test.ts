import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchInstances } from "@/lib/instances/launch-instances";
import { instanceStatus } from "@/lib/instances/status";
import { quotaUsage } from "@/lib/quotas/quotas";
import { eventually, startCloud, type Cloud } from "../support/cloud";

let cloud: Cloud;
beforeAll(async () => {
  cloud = await startCloud({ hosts: 3 });
});
afterAll(() => cloud?.stop());

async function statusOf(id: string) {
  const i = await cloud.db.instance.findUniqueOrThrow({ where: { id } });
  return instanceStatus(i);
}

describe("launch", () => {
  it("writes BUILD rows at once, then a job brings the instance to ACTIVE on a real, hardened container", async () => {
    const started = performance.now();
    const { instances } = await launchInstances(cloud.db, { userId: cloud.userId, projectId: cloud.projectId }, {
      name: "web",
      imageId: cloud.imageId("httpd"),
      flavorId: cloud.flavorId("m1.tiny"),
      kind: "application",
      env: { GREETING: "hi" },
      labels: { team: "blue" },
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(instances).toHaveLength(1);
    expect(instances[0]).toMatchObject({ vmState: "building", taskState: "scheduling" });

    const id = instances[0].id;
    await eventually(async () => (await statusOf(id)) === "ACTIVE", 20_000, "ACTIVE");
    const instance = await cloud.db.instance.findUniqueOrThrow({ where: { id }, include: { host: true, allocations: true } });
    expect(instance).toMatchObject({ powerState: "running", taskState: null });
    expect(instance.launchedAt).toBeInstanceOf(Date);
    expect(instance.allocations).toEqual([expect.objectContaining({ hostId: instance.hostId, vcpus: 1, ramMiB: 128, diskGiB: 1 })]);

    const inspect = await cloud.docker(instance.host!).getContainer(instance.containerId!).inspect();
    expect(inspect.State.Running).toBe(true);
    expect(inspect.Name).toBe(`/berth-${id}`);
    expect(inspect.HostConfig).toMatchObject({
      Init: true,
      Privileged: false,
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
      Memory: 128 * 1024 * 1024,
      NanoCpus: 1e9,
      PidsLimit: 1024,
    });
    expect(inspect.Config.Labels).toMatchObject({
      "berth.managed": "true",
      "berth.instance": id,
      "berth.project": cloud.projectId,
      team: "blue",
    });
    expect(inspect.Config.Env).toContain("GREETING=hi");

    const actions = await cloud.db.instanceAction.findMany({ where: { instanceId: id }, include: { events: true } });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ action: "create", result: "success" });
    expect(actions[0].events.map((e) => [e.event, e.result])).toEqual(
      expect.arrayContaining([["schedule", "success"], ["image", "success"], ["create", "success"], ["start", "success"]]),
    );
  });

  it("counts quota from the instances themselves", async () => {
    const usage = await quotaUsage(cloud.db, cloud.projectId);
    expect(usage.find((u) => u.resource === "instances")).toMatchObject({ used: 1, limit: 10 });
    expect(usage.find((u) => u.resource === "ram")).toMatchObject({ used: 128 });
  });

  it("loads the image onto a host that lacks it and says so in the action log", async () => {
    await cloud.db.host.update({ where: { id: cloud.hosts[0].id }, data: { enabled: false } });
    const target = cloud.hosts[1];
    await cloud.docker(target).getImage("berth/ticker:1").remove({ force: true }).catch(() => undefined);
    await cloud.db.hostImage.deleteMany({ where: { hostId: target.id } });
    await cloud.db.host.update({ where: { id: cloud.hosts[2].id }, data: { enabled: false } });
    const { instances } = await launchInstances(cloud.db, { userId: cloud.userId, projectId: cloud.projectId }, {
      name: "ticks",
      imageId: cloud.imageId("ticker"),
      flavorId: cloud.flavorId("m1.nano"),
      kind: "application",
    });
    await eventually(async () => (await statusOf(instances[0].id)) === "ACTIVE", 20_000, "ACTIVE");
    const image = await cloud.db.instanceActionEvent.findFirstOrThrow({ where: { event: "image", action: { instanceId: instances[0].id } } });
    expect(image.details).toBe(`loaded onto ${target.name}`);
    await cloud.db.host.updateMany({ data: { enabled: true } });
  });

  it("refuses bad requests with a clear message and writes nothing", async () => {
    const who = { userId: cloud.userId, projectId: cloud.projectId };
    const before = await cloud.db.instance.count();
    await expect(
      launchInstances(cloud.db, who, { name: "x", imageId: cloud.imageId("busybox"), flavorId: "2b7e0c1e-0000-4000-8000-000000000009", kind: "machine" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { flavorId: "Flavor not found or not available to this project." } });
    await expect(
      launchInstances(cloud.db, who, { name: "bad name!", imageId: cloud.imageId("busybox"), flavorId: cloud.flavorId("m1.tiny"), kind: "machine" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { name: expect.stringContaining("use letters") } });
    await cloud.db.image.update({ where: { id: cloud.imageId("busybox") }, data: { minRamMiB: 256 } });
    await expect(
      launchInstances(cloud.db, who, { name: "small", imageId: cloud.imageId("busybox"), flavorId: cloud.flavorId("m1.tiny"), kind: "machine" }),
    ).rejects.toMatchObject({ message: "Flavor m1.tiny has 128 MiB RAM; image busybox needs at least 256 MiB." });
    await cloud.db.image.update({ where: { id: cloud.imageId("busybox") }, data: { minRamMiB: 0 } });
    expect(await cloud.db.instance.count()).toBe(before);
  });
});
