import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchInstances } from "@/lib/instances/launch-instances";
import { eventually, startCloud, type Cloud } from "../support/cloud";

let cloud: Cloud;
beforeAll(async () => {
  cloud = await startCloud({ hosts: 3 });
  await cloud.db.quota.createMany({
    data: ["instances", "cores", "ram", "disk"].map((resource) => ({ projectId: cloud.projectId, resource, limit: -1 })),
  });
});
afterAll(() => cloud?.stop());

beforeEach(async () => {
  // Each test starts with empty, enabled hosts.
  const live = await cloud.db.instance.findMany({ where: { deletedAt: null } });
  for (const i of live) {
    if (i.containerId && i.hostId) {
      const host = cloud.hosts.find((h) => h.id === i.hostId)!;
      await cloud.docker(host).getContainer(i.containerId).remove({ force: true }).catch(() => undefined);
    }
  }
  await cloud.db.allocation.deleteMany();
  await cloud.db.instance.updateMany({ data: { deletedAt: new Date(), vmState: "deleted" } });
  await cloud.db.host.updateMany({
    data: { enabled: true, disabledReason: null, availabilityZone: "nova", reservedMemoryMiB: 0, ramAllocationRatio: 1, cpuAllocationRatio: 4 },
  });
});

async function launch(name: string, extra: Record<string, unknown> = {}, flavor = "m1.tiny") {
  const { instances } = await launchInstances(cloud.db, { userId: cloud.userId, projectId: cloud.projectId }, {
    name,
    imageId: cloud.imageId("busybox"),
    flavorId: cloud.flavorId(flavor),
    kind: "machine",
    ...extra,
  });
  return instances;
}

async function settled(ids: string[]) {
  return eventually(
    async () => {
      const rows = await cloud.db.instance.findMany({ where: { id: { in: ids } }, include: { host: true } });
      return rows.every((r) => r.vmState !== "building") && rows;
    },
    30_000,
    "instances to leave BUILD",
  );
}

describe("scheduler", () => {
  it("spreads instances across hosts by free RAM", async () => {
    const rows = await settled((await launch("spread", { minCount: 3 })).map((i) => i.id));
    expect(rows.every((r) => r.vmState === "active")).toBe(true);
    expect(new Set(rows.map((r) => r.host!.name)).size).toBe(3);
  });

  it("skips disabled hosts and honours availability zones", async () => {
    await cloud.db.host.update({ where: { id: cloud.hosts[0].id }, data: { enabled: false, disabledReason: "maintenance" } });
    await cloud.db.host.update({ where: { id: cloud.hosts[2].id }, data: { availabilityZone: "east" } });
    const west = await settled((await launch("west", { minCount: 2 })).map((i) => i.id));
    expect(west.map((r) => r.host!.name).sort()).toEqual(["host-1", "host-2"]);
    const east = await settled((await launch("east", { availabilityZone: "east" })).map((i) => i.id));
    expect(east.map((r) => r.host!.name)).toEqual(["host-2"]);
  });

  it("fails with a plain NoValidHost fault when nothing fits, and releases what it held", async () => {
    const memory = cloud.hosts[0].memoryMiB;
    await cloud.db.host.update({ where: { id: cloud.hosts[0].id }, data: { reservedMemoryMiB: memory - 256 } });
    await cloud.db.host.updateMany({ where: { id: { in: [cloud.hosts[1].id, cloud.hosts[2].id] } }, data: { enabled: false } });
    // A host whose engine is gone: heartbeats keep it down.
    const gone = await cloud.db.host.create({ data: { name: "host-gone", endpoint: "unix:///tmp/berth-gone.sock", status: "down" } });
    try {
      const [row] = await settled((await launch("too-big", {}, "m1.small")).map((i) => i.id));
      expect(row).toMatchObject({ vmState: "error", faultCode: 500, hostId: null });
      expect(row.faultMessage).toBe(
        "No valid host: 0 of 4 hosts can fit 512 MiB RAM (host-0: 256 MiB free, host-1: disabled, host-2: disabled, host-gone: down)",
      );
      expect(await cloud.db.allocation.count({ where: { instanceId: row.id } })).toBe(0);
      const action = await cloud.db.instanceAction.findFirstOrThrow({ where: { instanceId: row.id } });
      expect(action).toMatchObject({ result: "error", error: row.faultMessage });
    } finally {
      await cloud.db.host.delete({ where: { id: gone.id } });
    }
  });

  it("applies allocation ratios: RAM overcommit lets more fit", async () => {
    const memory = cloud.hosts[0].memoryMiB;
    await cloud.db.host.updateMany({ data: { reservedMemoryMiB: memory - 256 } });
    await cloud.db.host.update({ where: { id: cloud.hosts[1].id }, data: { enabled: false } });
    await cloud.db.host.update({ where: { id: cloud.hosts[2].id }, data: { enabled: false } });
    const [refused] = await settled((await launch("over", {}, "m1.small")).map((i) => i.id));
    expect(refused.vmState).toBe("error");
    await cloud.db.host.update({ where: { id: cloud.hosts[0].id }, data: { ramAllocationRatio: 2.5 } });
    const [fits] = await settled((await launch("over2", {}, "m1.small")).map((i) => i.id));
    expect(fits).toMatchObject({ vmState: "active", hostId: cloud.hosts[0].id });
  });

  it("never overbooks a host under concurrent launches", async () => {
    const memory = cloud.hosts[0].memoryMiB;
    // Room for exactly three m1.tiny (128 MiB) on each of two hosts.
    await cloud.db.host.updateMany({ data: { reservedMemoryMiB: memory - 3 * 128 } });
    await cloud.db.host.update({ where: { id: cloud.hosts[2].id }, data: { enabled: false } });
    const batches = await Promise.all(Array.from({ length: 8 }, (_, i) => launch(`race-${i}`)));
    const rows = await settled(batches.flat().map((i) => i.id));
    expect(rows.filter((r) => r.vmState === "active")).toHaveLength(6);
    expect(rows.filter((r) => r.vmState === "error")).toHaveLength(2);
    const perHost = await cloud.db.allocation.groupBy({ by: ["hostId"], _sum: { ramMiB: true } });
    expect(perHost.every((h) => (h._sum.ramMiB ?? 0) <= 3 * 128)).toBe(true);
  });

  it("retries a spawn that fails on one host on the next candidate", async () => {
    // host-0 has the most room, but there berth/busybox:1 runs as a user that does not exist: start fails.
    const memory = cloud.hosts[0].memoryMiB;
    await cloud.db.host.updateMany({ where: { id: { not: cloud.hosts[0].id } }, data: { reservedMemoryMiB: memory / 2 } });
    const docker = cloud.docker(cloud.hosts[0]);
    const base = await docker.createContainer({ Image: "berth/busybox:1", Labels: { "berth.test": "1" } });
    await base.commit({ repo: "berth/busybox", tag: "1", changes: ["USER no-such-user"] } as never);
    await base.remove({ force: true });
    try {
      const [row] = await settled((await launch("retry")).map((i) => i.id));
      expect(row).toMatchObject({ vmState: "active" });
      expect(row.hostId).not.toBe(cloud.hosts[0].id);
      const events = await cloud.db.instanceActionEvent.findMany({ where: { action: { instanceId: row.id } }, orderBy: { startedAt: "asc" } });
      expect(events.filter((e) => e.event === "schedule").map((e) => e.details)).toEqual(["host host-0", expect.stringMatching(/^host host-[12]$/)]);
      expect(events.find((e) => e.event === "start" && e.result === "error")?.details).toContain("no-such-user");
      expect(await cloud.db.allocation.count({ where: { hostId: cloud.hosts[0].id } })).toBe(0);
      const leftovers = await docker.listContainers({ all: true, filters: { label: [`berth.instance=${row.id}`] } });
      expect(leftovers).toEqual([]);
    } finally {
      await docker.getImage("berth/busybox:1").remove({ force: true });
      await cloud.db.hostImage.deleteMany({ where: { hostId: cloud.hosts[0].id } });
    }
  });
});
