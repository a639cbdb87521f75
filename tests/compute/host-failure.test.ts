import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchInstances } from "@/lib/instances/launch-instances";
import { requestAction } from "@/lib/instances/request-action";
import { instanceStatus } from "@/lib/instances/status";
import { killDaemon, restartDaemon, startPrivateDaemons, stopAll, type PrivateDaemon } from "@/scripts/lib/dockerd.mjs";
import { eventually, startCloud, type Cloud } from "../support/cloud";
import { testDockerHosts } from "../support/docker-hosts";

// A daemon of this file's own (live restore on, so containers outlive it), to kill and bring back,
// beside one of the runner's daemons to evacuate to.
let daemon: PrivateDaemon;
let cloud: Cloud;
beforeAll(async () => {
  // One daemon of its own per test slot (see scripts/run-tests.ts), so parallel runs never share it.
  const slot = Number(process.env.BERTH_TEST_SLOT ?? 0);
  [daemon] = await startPrivateDaemons({
    count: 1,
    baseDir: path.join(tmpdir(), `berth-hf${slot}`),
    namePrefix: `berth-hf${slot}-`,
    subnetBase: 240 + slot,
    liveRestore: true,
  });
  cloud = await startCloud({ endpoints: [daemon.endpoint, testDockerHosts()[0]] });
}, 120_000);
afterAll(async () => {
  await cloud?.stop();
  if (daemon) await stopAll([daemon]);
});

const status = async (id: string) => instanceStatus(await cloud.db.instance.findUniqueOrThrow({ where: { id } }));

describe("host failure", () => {
  it("marks a killed daemon's host down within 10 s with its instances UNKNOWN, evacuates, and recovers by itself", async () => {
    const [failing, healthy] = cloud.hosts;
    await cloud.db.host.update({ where: { id: healthy.id }, data: { enabled: false } });
    const { instances } = await launchInstances(cloud.db, { userId: cloud.userId, projectId: cloud.projectId }, {
      name: "resident",
      imageId: cloud.imageId("busybox"),
      flavorId: cloud.flavorId("m1.tiny"),
      kind: "machine",
      minCount: 2,
    });
    const [survivor, refugee] = instances.map((i) => i.id);
    for (const id of [survivor, refugee]) await eventually(async () => (await status(id)) === "ACTIVE", 20_000, "ACTIVE");
    expect((await cloud.db.instance.findUniqueOrThrow({ where: { id: refugee } })).hostId).toBe(failing.id);
    await cloud.db.host.update({ where: { id: healthy.id }, data: { enabled: true } });

    await killDaemon(daemon);
    const killedAt = Date.now();
    await eventually(async () => (await cloud.db.host.findUniqueOrThrow({ where: { id: failing.id } })).status === "down", 10_000, "host down");
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    for (const id of [survivor, refugee]) await eventually(async () => (await status(id)) === "UNKNOWN", 5_000, "UNKNOWN");
    expect((await cloud.db.host.findUniqueOrThrow({ where: { id: failing.id } })).lastError).toBeTruthy();

    // Evacuate one instance: rebuilt from its image on the healthy host.
    await requestAction(cloud.db, { userId: cloud.userId, isAdmin: true }, refugee, "evacuate");
    await eventually(async () => (await status(refugee)) === "ACTIVE", 20_000, "evacuated");
    const moved = await cloud.db.instance.findUniqueOrThrow({ where: { id: refugee }, include: { allocations: true } });
    expect(moved.hostId).toBe(healthy.id);
    expect(moved.allocations.map((a) => a.hostId)).toEqual([healthy.id]);

    await restartDaemon(daemon, { liveRestore: true });
    await eventually(async () => (await cloud.db.host.findUniqueOrThrow({ where: { id: failing.id } })).status === "up", 10_000, "host up");
    await eventually(async () => (await status(survivor)) === "ACTIVE", 10_000, "ACTIVE again");
    expect((await cloud.db.instance.findUniqueOrThrow({ where: { id: survivor } })).powerState).toBe("running");
    // The evacuated instance's old container outlived the daemon; it is an orphan now and goes.
    await eventually(async () => {
      const left = await cloud.docker(failing).listContainers({ all: true, filters: { label: [`berth.instance=${refugee}`] } });
      return left.length === 0;
    }, 15_000, "the old container removed");
  }, 120_000);
});
