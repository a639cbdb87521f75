import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchInstances } from "@/lib/instances/launch-instances";
import { quotaUsed } from "@/lib/quotas/quotas";
import { startAppProcess, type AppProcess } from "../support/app-process";
import { eventually, startCloud, type Cloud } from "../support/cloud";

let cloud: Cloud;
const processes: AppProcess[] = [];

beforeAll(async () => {
  // The app runs in child processes here; this process only makes requests and checks.
  cloud = await startCloud({ hosts: 3, services: false });
  await cloud.db.quota.createMany({
    data: ["instances", "cores", "ram", "disk"].map((resource) => ({ projectId: cloud.projectId, resource, limit: -1 })),
  });
  // Room for every instance of the bursts: 2 CPUs × 16 per host.
  await cloud.db.host.updateMany({ data: { cpuAllocationRatio: 16 } });
});
afterEach(async () => {
  for (const p of processes.splice(0)) {
    if (p.child.exitCode === null) p.child.kill("SIGKILL");
    await p.exited;
  }
});
afterAll(() => cloud?.stop());

async function burst(prefix: string, count: number) {
  const who = { userId: cloud.userId, projectId: cloud.projectId };
  const launched = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      launchInstances(cloud.db, who, { name: `${prefix}-${i}`, imageId: cloud.imageId("busybox"), flavorId: cloud.flavorId("m1.nano"), kind: "machine" }),
    ),
  );
  return launched.flatMap((l) => l.instances.map((i) => i.id));
}

async function containersOnHosts() {
  const all = await Promise.all(
    cloud.hosts.map((h) => cloud.docker(h).listContainers({ all: true, filters: { label: ["berth.managed=true"] } })),
  );
  return all.flat();
}

/** Every instance settled, every container owned, every allocation backed by a live instance. */
async function expectCleanState() {
  const rows = await cloud.db.instance.findMany();
  expect(rows.filter((r) => r.vmState === "building")).toEqual([]);
  for (const r of rows.filter((r) => r.vmState === "error")) expect(r.faultMessage).toBeTruthy();
  const active = rows.filter((r) => r.vmState === "active");
  const containers = await containersOnHosts();
  expect(containers.map((c) => c.Id).sort()).toEqual(active.map((r) => r.containerId).sort());
  expect(containers.every((c) => c.State === "running")).toBe(true);
  const allocations = await cloud.db.allocation.findMany();
  expect(allocations.map((a) => a.instanceId).sort()).toEqual(active.map((r) => r.id).sort());
  for (const a of allocations) expect(a.hostId).toBe(active.find((r) => r.id === a.instanceId)!.hostId);
  const used = await quotaUsed(cloud.db, cloud.projectId);
  const live = await cloud.db.instance.count({ where: { projectId: cloud.projectId, deletedAt: null } });
  expect(used.instances).toBe(live);
}

describe("crash recovery", () => {
  it("leaves every instance ACTIVE or ERROR within 30 s after the app is killed -9 mid-burst", async () => {
    processes.push(await startAppProcess());
    const ids = await burst("crash", 30);
    // Kill it while the burst is half done.
    await eventually(async () => (await cloud.db.instance.count({ where: { id: { in: ids }, vmState: "active" } })) >= 5, 20_000, "a few ACTIVE");
    processes[0].child.kill("SIGKILL");
    await processes[0].exited;
    const building = await cloud.db.instance.count({ where: { id: { in: ids }, vmState: "building" } });
    expect(building).toBeGreaterThan(0);

    const restartedAt = Date.now();
    processes.push(await startAppProcess());
    await eventually(async () => (await cloud.db.instance.count({ where: { id: { in: ids }, vmState: "building" } })) === 0, 30_000, "no BUILD");
    expect(Date.now() - restartedAt).toBeLessThan(30_000);
    // Containers a killed spawn made are either adopted by its retry or removed as orphans.
    await eventually(async () => {
      await expectCleanState();
      return true;
    }, 15_000, "a clean state");
  }, 120_000);

  it("runs each job once with two app processes, and only one watches the hosts", async () => {
    processes.push(await startAppProcess(), await startAppProcess());
    await eventually(async () => processes.some((p) => p.state().leader), 10_000, "a leader");
    await new Promise((r) => setTimeout(r, 1000));
    expect(processes.filter((p) => p.state().leader)).toHaveLength(1);

    const ids = await burst("twin", 20);
    await eventually(async () => (await cloud.db.instance.count({ where: { id: { in: ids }, vmState: { in: ["active", "error"] } } })) === 20, 30_000, "all settled");
    const schedules = await cloud.db.instanceActionEvent.groupBy({
      by: ["actionId"],
      where: { event: "create", action: { instanceId: { in: ids } } },
      _count: { _all: true },
    });
    const failed = await cloud.db.instance.findMany({ where: { id: { in: ids }, vmState: "error" } });
    expect(failed.map((f) => f.faultMessage)).toEqual([]);
    expect(schedules).toHaveLength(20);
    expect(schedules.every((s) => s._count._all === 1)).toBe(true);
    await expectCleanState();

    // The leader dies: the other takes over the hosts.
    const leader = processes.find((p) => p.state().leader)!;
    leader.child.kill("SIGKILL");
    const standby = processes.find((p) => p !== leader)!;
    await eventually(async () => standby.state().leader, 10_000, "standby takes the lead");
  }, 120_000);
});
