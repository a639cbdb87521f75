import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchInstances } from "@/lib/instances/launch-instances";
import { instanceStatus } from "@/lib/instances/status";
import { killDaemon, restartDaemon, startPrivateDaemons, stopAll, type PrivateDaemon } from "@/scripts/lib/dockerd.mjs";
import { eventually, startCloud, type Cloud } from "../support/cloud";

// A daemon of this file's own (live restore on, so containers outlive it), to kill and bring back.
let daemon: PrivateDaemon;
let cloud: Cloud;
beforeAll(async () => {
  [daemon] = await startPrivateDaemons({ count: 1, baseDir: path.join(tmpdir(), "berth-hf"), namePrefix: "berth-hf", subnetBase: 240, liveRestore: true });
  cloud = await startCloud({ endpoints: [daemon.endpoint] });
}, 120_000);
afterAll(async () => {
  await cloud?.stop();
  if (daemon) await stopAll([daemon]);
});

describe("host failure", () => {
  it("marks a killed daemon's host down within 10 s with its instances UNKNOWN, and recovers by itself", async () => {
    const { instances } = await launchInstances(cloud.db, { userId: cloud.userId, projectId: cloud.projectId }, {
      name: "survivor",
      imageId: cloud.imageId("busybox"),
      flavorId: cloud.flavorId("m1.tiny"),
      kind: "machine",
    });
    const id = instances[0].id;
    const status = async () => instanceStatus(await cloud.db.instance.findUniqueOrThrow({ where: { id } }));
    await eventually(async () => (await status()) === "ACTIVE", 20_000, "ACTIVE");

    await killDaemon(daemon);
    const killedAt = Date.now();
    await eventually(async () => (await cloud.db.host.findFirstOrThrow()).status === "down", 10_000, "host down");
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    await eventually(async () => (await status()) === "UNKNOWN", 5_000, "UNKNOWN");
    expect((await cloud.db.host.findFirstOrThrow()).lastError).toBeTruthy();

    await restartDaemon(daemon, { liveRestore: true });
    await eventually(async () => (await cloud.db.host.findFirstOrThrow()).status === "up", 10_000, "host up");
    await eventually(async () => (await status()) === "ACTIVE", 10_000, "ACTIVE again");
    const row = await cloud.db.instance.findUniqueOrThrow({ where: { id } });
    expect(row.powerState).toBe("running");
  }, 90_000);
});
