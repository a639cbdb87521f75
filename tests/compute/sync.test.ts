import Dockerode from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchInstances } from "@/lib/instances/launch-instances";
import { instanceStatus } from "@/lib/instances/status";
import { eventually, startCloud, type Cloud } from "../support/cloud";

let cloud: Cloud;
beforeAll(async () => {
  cloud = await startCloud({ hosts: 1 });
});
afterAll(() => cloud?.stop());

async function launchOne(name: string, extra: Record<string, unknown> = {}, flavor = "m1.tiny") {
  const { instances } = await launchInstances(cloud.db, { userId: cloud.userId, projectId: cloud.projectId }, {
    name,
    imageId: cloud.imageId("busybox"),
    flavorId: cloud.flavorId(flavor),
    kind: "machine",
    ...extra,
  });
  return eventually(async () => {
    const r = await cloud.db.instance.findUniqueOrThrow({ where: { id: instances[0].id } });
    return r.vmState === "active" && r.taskState === null && r;
  }, 20_000, "ACTIVE");
}

/** Time from `change` returning until the instance shows `status`. */
async function msUntil(id: string, status: string, change: () => Promise<unknown>) {
  await change();
  const from = performance.now();
  await eventually(async () => instanceStatus(await cloud.db.instance.findUniqueOrThrow({ where: { id } })) === status, 5000, status);
  return performance.now() - from;
}

describe("truth from Docker", () => {
  it("sees docker stop, start, pause, unpause and kill done outside Berth within a second", async () => {
    const i = await launchOne("outside");
    const c = cloud.docker(cloud.hosts[0]).getContainer(i.containerId!);
    expect(await msUntil(i.id, "SHUTOFF", () => c.stop({ t: 1 }))).toBeLessThan(1000);
    expect(await msUntil(i.id, "ACTIVE", () => c.start())).toBeLessThan(1000);
    expect(await msUntil(i.id, "PAUSED", () => c.pause())).toBeLessThan(1000);
    expect(await msUntil(i.id, "ACTIVE", () => c.unpause())).toBeLessThan(1000);
    expect(await msUntil(i.id, "SHUTOFF", () => c.kill())).toBeLessThan(1000);
    const actions = await cloud.db.instanceAction.findMany({ where: { instanceId: i.id }, orderBy: { startedAt: "asc" } });
    expect(actions.map((a) => a.action)).toEqual([
      "create",
      "external-stop",
      "external-start",
      "external-pause",
      "external-unpause",
      "external-stop",
    ]);
    expect(actions.at(-1)!.error).toBe("The container exited with code 137.");
  });

  it("records an out-of-memory kill", async () => {
    const i = await launchOne("hog", { kind: "application", command: ["sh", "-c", "x=$(head -c 300000000 /dev/zero | tr '\\0' a); sleep 600"] }, "m1.nano");
    await eventually(async () => (await cloud.db.instanceAction.findFirst({ where: { instanceId: i.id, action: "oom" } })) ?? undefined, 15_000, "oom");
    const oom = await cloud.db.instanceAction.findFirstOrThrow({ where: { instanceId: i.id, action: "oom" } });
    expect(oom.error).toBe("Out of memory: the container hit its 64 MiB limit and was killed.");
  }, 30_000);

  it("puts an instance whose container was removed outside Berth into ERROR with a fault", async () => {
    const i = await launchOne("removed");
    await cloud.docker(cloud.hosts[0]).getContainer(i.containerId!).remove({ force: true });
    const r = await eventually(async () => {
      const row = await cloud.db.instance.findUniqueOrThrow({ where: { id: i.id } });
      return row.vmState === "error" && row;
    }, 3000, "ERROR");
    expect(r.faultMessage).toBe("The container was removed outside Berth.");
  });

  it("removes Berth-labelled containers no instance owns, after a grace period", async () => {
    const docker = cloud.docker(cloud.hosts[0]);
    const orphan = await docker.createContainer({
      Image: "berth/busybox:1",
      Cmd: ["sleep", "600"],
      Labels: { "berth.managed": "true", "berth.instance": "00000000-0000-4000-8000-000000000000" },
    });
    await orphan.start();
    // Grace 2 s and reconcile every 2 s in the test cloud.
    await eventually(async () => {
      try {
        await orphan.inspect();
        return false;
      } catch (error) {
        return (error as { statusCode?: number }).statusCode === 404;
      }
    }, 10_000, "orphan removed");
  });

  it("leaves containers Berth did not label alone", async () => {
    const docker: Dockerode = cloud.docker(cloud.hosts[0]);
    const foreign = await docker.createContainer({ Image: "berth/busybox:1", Cmd: ["sleep", "600"] });
    await foreign.start();
    await new Promise((r) => setTimeout(r, 5000));
    expect((await foreign.inspect()).State.Running).toBe(true);
    await foreign.remove({ force: true });
  });
});
