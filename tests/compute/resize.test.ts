// Resize as Nova does it: the instance runs with the new flavor in VERIFY_RESIZE, holding the old
// one too, until it is confirmed, reverted or confirmed by Berth when the window passes.
import type Dockerode from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestSnapshot } from "@/lib/images/snapshot-instance";
import { instanceActionLog } from "@/lib/instances/instance-action-log";
import { launchInstances } from "@/lib/instances/launch-instances";
import { lockInstance, renameInstance, requestAction, resetState, type Actor, type JobAction } from "@/lib/instances/request-action";
import { instanceStatus } from "@/lib/instances/status";
import { quotaUsed } from "@/lib/quotas/quotas";
import { eventually, type Cloud } from "../support/cloud";
import { instanceRow, setQuota as setProjectQuota, startComputeCloud, untilStatus } from "../support/instances";

let cloud: Cloud;
let member: Actor;
let admin: Actor;

beforeAll(async () => {
  ({ cloud, member, admin } = await startComputeCloud(2));
});
afterAll(() => cloud?.stop());

const setQuota = (resource: string, limit: number) => setProjectQuota(cloud, resource, limit);
const row = (id: string) => instanceRow(cloud, id);
const until = (id: string, status: string, timeoutMs = 30_000) => untilStatus(cloud, id, status, timeoutMs);

async function launchOne(name: string, flavor = "m1.tiny") {
  const { instances } = await launchInstances(cloud.db, { userId: cloud.userId, projectId: cloud.projectId }, {
    name,
    imageId: cloud.imageId("busybox"),
    flavorId: cloud.flavorId(flavor),
    kind: "machine",
  });
  return until(instances[0].id, "ACTIVE");
}

async function act(id: string, action: JobAction, params: Record<string, unknown> = {}, actor = member) {
  await requestAction(cloud.db, actor, id, action, params);
}

const resizeTo = (id: string, flavor: string) => act(id, "resize", { flavorId: cloud.flavorId(flavor) });

async function allocations(id: string) {
  const rows = await cloud.db.allocation.findMany({ where: { instanceId: id }, orderBy: { createdAt: "asc" } });
  return rows.map(({ hostId, vcpus, ramMiB, diskGiB }) => ({ hostId, vcpus, ramMiB, diskGiB }));
}

const used = () => quotaUsed(cloud.db, cloud.projectId);

function containerOf(host: { id: string }, containerId: string): Dockerode.Container {
  return cloud.docker(cloud.hosts.find((h) => h.id === host.id)!).getContainer(containerId);
}

/** Runs a shell line in a running container and returns what it printed. */
async function shell(container: Dockerode.Container, line: string): Promise<string> {
  const exec = await container.exec({ Cmd: ["sh", "-c", line], AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({});
  return new Promise<string>((resolve) => {
    let text = "";
    stream.on("data", (d: Buffer) => (text += d.toString()));
    stream.on("end", () => resolve(text));
  });
}

/** The resize's step that waits for the decision, as the action log holds it. */
async function verifyStep(id: string) {
  return cloud.db.instanceActionEvent.findFirstOrThrow({ where: { event: "verify", action: { instanceId: id, action: "resize" } }, orderBy: { startedAt: "desc" } });
}

/** Leaves the instance's host no room for a bigger flavor, so a resize has to move it. */
async function fillHost(hostId: string, free: number) {
  const host = cloud.hosts.find((h) => h.id === hostId)!;
  await cloud.db.host.update({ where: { id: hostId }, data: { reservedMemoryMiB: host.memoryMiB - free } });
}

async function emptyHosts() {
  await cloud.db.host.updateMany({ data: { reservedMemoryMiB: 0 } });
}

describe("resize in place", () => {
  it("waits in VERIFY_RESIZE with the new limits, holding the larger flavor, and confirms", async () => {
    const i = await launchOne("grow");
    const before = await used();
    await resizeTo(i.id, "m1.small");
    const resized = await until(i.id, "VERIFY_RESIZE");
    expect(resized).toMatchObject({ flavorName: "m1.small", ramMiB: 512, diskGiB: 5, hostId: i.hostId, containerId: i.containerId, vmState: "active", taskState: "resized" });
    expect((await containerOf(i.host!, i.containerId!).inspect()).HostConfig.Memory).toBe(512 * 1024 * 1024);
    expect(await allocations(i.id)).toEqual([{ hostId: i.hostId, vcpus: 1, ramMiB: 512, diskGiB: 5 }]);
    expect(await used()).toMatchObject({ cores: before.cores, ram: before.ram + 384, disk: before.disk + 4 });
    expect(await verifyStep(i.id)).toMatchObject({ finishedAt: null, result: null });
    const [logged] = await instanceActionLog(cloud.db, i.id);
    expect(logged.events.at(-1)).toMatchObject({ event: "verify", details: "m1.tiny kept for a revert", finishedAt: null });

    await act(i.id, "confirm-resize");
    await until(i.id, "ACTIVE");
    expect(await allocations(i.id)).toEqual([{ hostId: i.hostId, vcpus: 1, ramMiB: 512, diskGiB: 5 }]);
    expect(await used()).toMatchObject({ ram: before.ram + 384, disk: before.disk + 4 });
    expect(await verifyStep(i.id)).toMatchObject({ result: "confirmed", finishedAt: expect.any(Date) });
    const actions = await cloud.db.instanceAction.findMany({ where: { instanceId: i.id }, orderBy: { startedAt: "asc" } });
    expect(actions.map((a) => [a.action, a.result])).toEqual([["create", "success"], ["resize", "success"], ["confirm-resize", "success"]]);
  });

  it("holds the old, larger flavor through a resize down, and a revert restores its limits and quota", async () => {
    const i = await launchOne("shrink", "m1.small");
    const before = await used();
    await resizeTo(i.id, "m1.tiny");
    await until(i.id, "VERIFY_RESIZE");
    expect((await containerOf(i.host!, i.containerId!).inspect()).HostConfig.Memory).toBe(128 * 1024 * 1024);
    expect(await allocations(i.id)).toEqual([{ hostId: i.hostId, vcpus: 1, ramMiB: 512, diskGiB: 5 }]);
    expect(await used()).toMatchObject({ ram: before.ram - 384, disk: before.disk - 4 });

    await act(i.id, "revert-resize");
    const reverted = await until(i.id, "ACTIVE");
    expect(reverted).toMatchObject({ flavorName: "m1.small", ramMiB: 512, diskGiB: 5, containerId: i.containerId });
    expect((await containerOf(i.host!, i.containerId!).inspect()).HostConfig.Memory).toBe(512 * 1024 * 1024);
    expect(await allocations(i.id)).toEqual([{ hostId: i.hostId, vcpus: 1, ramMiB: 512, diskGiB: 5 }]);
    expect(await used()).toEqual(before);
    expect(await verifyStep(i.id)).toMatchObject({ result: "reverted" });
  });

  it("refuses to revert a resize down when the room it freed is taken, and keeps waiting", async () => {
    const i = await launchOne("squeezed", "m1.small");
    await resizeTo(i.id, "m1.tiny");
    await until(i.id, "VERIFY_RESIZE");
    await setQuota("ram", (await used()).ram);
    try {
      await expect(requestAction(cloud.db, member, i.id, "revert-resize")).rejects.toMatchObject({
        code: "QUOTA_EXCEEDED",
        message: expect.stringMatching(/^Quota exceeded for ram: requested 384 MiB/),
      });
      expect(await row(i.id)).toMatchObject({ taskState: "resized", ramMiB: 128 });
    } finally {
      await setQuota("ram", -1);
    }
    await act(i.id, "revert-resize");
    expect(await until(i.id, "ACTIVE")).toMatchObject({ ramMiB: 512 });
  });

  it("keeps a stopped instance stopped: SHUTOFF again once confirmed", async () => {
    const i = await launchOne("sleeper");
    await act(i.id, "stop");
    await until(i.id, "SHUTOFF");
    await resizeTo(i.id, "m1.small");
    expect(await until(i.id, "VERIFY_RESIZE")).toMatchObject({ vmState: "stopped", powerState: "shutdown" });
    await act(i.id, "confirm-resize");
    expect(await until(i.id, "SHUTOFF")).toMatchObject({ ramMiB: 512 });
  });

  it("is confirmed by Berth through its durable job when nobody decides within the window", async () => {
    const i = await launchOne("forgotten");
    await resizeTo(i.id, "m1.small");
    await until(i.id, "VERIFY_RESIZE");
    const [job] = await cloud.db.$queryRawUnsafe<{ id: bigint; run_at: Date; task_identifier: string }[]>(
      "SELECT id, run_at, task_identifier FROM graphile_worker.jobs WHERE key = $1",
      `auto-confirm-resize:${i.id}`,
    );
    expect(job.task_identifier).toBe("auto-confirm-resize");
    // BERTH_RESIZE_CONFIRM_SECONDS is left at its default, a day.
    expect(Math.abs(job.run_at.getTime() - (Date.now() + 24 * 3600_000))).toBeLessThan(60_000);

    await cloud.db.$queryRawUnsafe("SELECT 1 FROM graphile_worker.reschedule_jobs(ARRAY[$1::bigint], run_at => now())", job.id);
    await until(i.id, "ACTIVE");
    expect(await allocations(i.id)).toEqual([{ hostId: i.hostId, vcpus: 1, ramMiB: 512, diskGiB: 5 }]);
    const confirm = await cloud.db.instanceAction.findFirstOrThrow({ where: { instanceId: i.id, action: "confirm-resize" } });
    expect(confirm).toMatchObject({ userId: null, result: "success" });
  });

  it("changes nothing when the bigger flavor fits on no host", async () => {
    const i = await launchOne("nowhere");
    const before = await used();
    for (const host of cloud.hosts) await fillHost(host.id, 200);
    try {
      await resizeTo(i.id, "m1.small");
      const after = await eventually(async () => {
        const action = await cloud.db.instanceAction.findFirst({ where: { instanceId: i.id, action: "resize", finishedAt: { not: null } } });
        return action && (await row(i.id));
      }, 20_000, "resize to end");
      expect(instanceStatus(after)).toBe("ACTIVE");
      expect(after).toMatchObject({ flavorName: "m1.tiny", taskState: null, hostId: i.hostId });
      expect(await allocations(i.id)).toEqual([{ hostId: i.hostId, vcpus: 1, ramMiB: 128, diskGiB: 1 }]);
      expect(await used()).toEqual(before);
      expect(await cloud.db.instanceAction.findFirstOrThrow({ where: { instanceId: i.id, action: "resize" } })).toMatchObject({
        result: "error",
        error: expect.stringContaining("No valid host"),
      });
    } finally {
      await emptyHosts();
    }
  });

  it("refuses a resize over quota before touching anything", async () => {
    const i = await launchOne("greedy");
    await setQuota("ram", 2048);
    try {
      await expect(requestAction(cloud.db, member, i.id, "resize", { flavorId: cloud.flavorId("m1.large") })).rejects.toMatchObject({
        code: "QUOTA_EXCEEDED",
        message: expect.stringMatching(/^Quota exceeded for ram: requested 3968 MiB, used \d+ MiB of 2048 MiB$/),
      });
      expect((await row(i.id)).taskState).toBeNull();
    } finally {
      await setQuota("ram", -1);
    }
  });
});

describe("resize that moves", () => {
  /** An instance with a file written before the resize, moved by a resize to m1.small. */
  async function movedByResize(name: string) {
    const i = await launchOne(name);
    await shell(containerOf(i.host!, i.containerId!), "echo before > /root/file");
    const before = await used();
    await fillHost(i.hostId!, 300);
    try {
      await resizeTo(i.id, "m1.small");
      const moved = await until(i.id, "VERIFY_RESIZE");
      return { i, moved, before };
    } finally {
      await emptyHosts();
    }
  }

  it("keeps the old container stopped and both allocations until reverted; the revert runs the old one again", async () => {
    const { i, moved, before } = await movedByResize("homesick");
    expect(moved.hostId).not.toBe(i.hostId);
    expect(moved).toMatchObject({ flavorName: "m1.small", ramMiB: 512, vmState: "active" });
    expect(await allocations(i.id)).toEqual([
      { hostId: i.hostId, vcpus: 1, ramMiB: 128, diskGiB: 1 },
      { hostId: moved.hostId, vcpus: 1, ramMiB: 512, diskGiB: 5 },
    ]);
    expect(await used()).toMatchObject({ ram: before.ram + 384 });
    const fresh = containerOf(moved.host!, moved.containerId!);
    expect(await shell(fresh, "cat /root/file")).toContain("before");
    await shell(fresh, "echo after > /root/file");
    // Past the reconciler's orphan grace (2 s in tests): the kept container is not an orphan.
    await new Promise((r) => setTimeout(r, 5000));
    const old = containerOf(i.host!, i.containerId!);
    expect((await old.inspect()).State.Running).toBe(false);

    await act(i.id, "revert-resize");
    const reverted = await until(i.id, "ACTIVE");
    expect(reverted).toMatchObject({ hostId: i.hostId, containerId: i.containerId, flavorName: "m1.tiny", ramMiB: 128, powerState: "running" });
    expect((await old.inspect()).State.Running).toBe(true);
    expect(await shell(old, "cat /root/file")).toContain("before");
    await expect(fresh.inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect(await allocations(i.id)).toEqual([{ hostId: i.hostId, vcpus: 1, ramMiB: 128, diskGiB: 1 }]);
    expect(await used()).toEqual(before);
    expect(await verifyStep(i.id)).toMatchObject({ result: "reverted" });
    const [revert, resize] = await instanceActionLog(cloud.db, i.id);
    expect(revert).toMatchObject({ action: "revert-resize", result: "success" });
    expect(resize.events.at(-1)).toMatchObject({ event: "verify", result: "reverted", details: "m1.tiny kept for a revert, with the old container stopped on the old host" });
  });

  it("confirms: the old container and the old allocation go, the moved files stay", async () => {
    const { i, moved, before } = await movedByResize("settler");
    await act(i.id, "confirm-resize");
    const confirmed = await until(i.id, "ACTIVE");
    expect(confirmed).toMatchObject({ hostId: moved.hostId, containerId: moved.containerId, ramMiB: 512 });
    await expect(containerOf(i.host!, i.containerId!).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect(await allocations(i.id)).toEqual([{ hostId: moved.hostId, vcpus: 1, ramMiB: 512, diskGiB: 5 }]);
    expect(await used()).toMatchObject({ ram: before.ram + 384 });
    expect(await shell(containerOf(moved.host!, moved.containerId!), "cat /root/file")).toContain("before");
  });

  it("keeps waiting, holding the same, when a revert fails", async () => {
    const { i, moved, before } = await movedByResize("unlucky");
    await containerOf(i.host!, i.containerId!).remove({ force: true });
    await act(i.id, "revert-resize");
    const failed = await eventually(() => cloud.db.instanceAction.findFirst({ where: { instanceId: i.id, action: "revert-resize", finishedAt: { not: null } } }), 20_000, "revert to end");
    expect(failed.result).toBe("error");
    expect(await until(i.id, "VERIFY_RESIZE")).toMatchObject({ hostId: moved.hostId, containerId: moved.containerId, ramMiB: 512 });
    expect(await allocations(i.id)).toHaveLength(2);
    expect(await used()).toMatchObject({ ram: before.ram + 384 });

    await act(i.id, "confirm-resize");
    await until(i.id, "ACTIVE");
    expect(await allocations(i.id)).toEqual([{ hostId: moved.hostId, vcpus: 1, ramMiB: 512, diskGiB: 5 }]);
  });

  it("refuses every other action while it waits; delete frees both allocations and both containers", async () => {
    const { i, moved } = await movedByResize("undecided");
    const waiting = /^Cannot \S+ instance undecided while its resize waits to be confirmed or reverted: confirm or revert it first\.$/;
    for (const action of ["stop", "reboot", "hard-reboot", "pause", "rebuild"] as const) {
      await expect(requestAction(cloud.db, member, i.id, action)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(waiting) });
    }
    await expect(requestAction(cloud.db, member, i.id, "resize", { flavorId: cloud.flavorId("m1.medium") })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(requestAction(cloud.db, admin, i.id, "migrate")).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(waiting) });
    await expect(resetState(cloud.db, admin, i.id, { state: "active" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(requestSnapshot(cloud.db, { ...member, projectId: cloud.projectId }, i.id, "undecided-snap")).rejects.toMatchObject({ code: "CONFLICT" });
    await renameInstance(cloud.db, member, i.id, "undecided");
    await lockInstance(cloud.db, member, i.id, true);
    await lockInstance(cloud.db, member, i.id, false);
    expect((await row(i.id)).taskState).toBe("resized");

    await act(i.id, "delete");
    await eventually(() => cloud.db.instanceAction.findFirst({ where: { instanceId: i.id, action: "delete", result: "success" } }), 20_000, "deleted");
    expect((await row(i.id)).deletedAt).toBeInstanceOf(Date);
    expect(await allocations(i.id)).toEqual([]);
    await expect(containerOf(i.host!, i.containerId!).inspect()).rejects.toMatchObject({ statusCode: 404 });
    await expect(containerOf(moved.host!, moved.containerId!).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect(await verifyStep(i.id)).toMatchObject({ result: "deleted" });
  });
});
