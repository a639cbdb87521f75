import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchInstances } from "@/lib/instances/launch-instances";
import { lockInstance, renameInstance, requestAction, resetState, type Actor, type JobAction } from "@/lib/instances/request-action";
import { eventually, type Cloud } from "../support/cloud";
import { instanceRow, startComputeCloud, untilStatus } from "../support/instances";

let cloud: Cloud;
let member: Actor;
let admin: Actor;

beforeAll(async () => {
  ({ cloud, member, admin } = await startComputeCloud(2));
});
afterAll(() => cloud?.stop());

const row = (id: string) => instanceRow(cloud, id);
const until = (id: string, status: string, timeoutMs = 20_000) => untilStatus(cloud, id, status, timeoutMs);

async function launchOne(name: string, kind: "machine" | "application" = "machine", image = "busybox") {
  const { instances } = await launchInstances(cloud.db, { userId: cloud.userId, projectId: cloud.projectId }, {
    name,
    imageId: cloud.imageId(image),
    flavorId: cloud.flavorId("m1.tiny"),
    kind,
  });
  return until(instances[0].id, "ACTIVE");
}

async function act(id: string, action: JobAction, params: Record<string, unknown> = {}, actor = member) {
  await requestAction(cloud.db, actor, id, action, params);
}

async function inspect(id: string) {
  const r = await row(id);
  return cloud.docker(r.host!).getContainer(r.containerId!).inspect();
}

describe("lifecycle", () => {
  it("stops, starts, reboots, pauses and unpauses, each reflected in Docker", async () => {
    const i = await launchOne("ops");
    await act(i.id, "stop");
    await until(i.id, "SHUTOFF");
    expect((await inspect(i.id)).State.Running).toBe(false);

    await act(i.id, "start");
    await until(i.id, "ACTIVE");
    const startedAt = (await inspect(i.id)).State.StartedAt;

    await act(i.id, "reboot");
    await until(i.id, "ACTIVE");
    expect((await inspect(i.id)).State.StartedAt).not.toBe(startedAt);

    await act(i.id, "pause");
    await until(i.id, "PAUSED");
    expect((await inspect(i.id)).State.Paused).toBe(true);
    await act(i.id, "unpause");
    await until(i.id, "ACTIVE");

    const actions = await cloud.db.instanceAction.findMany({ where: { instanceId: i.id }, orderBy: { startedAt: "asc" } });
    expect(actions.map((a) => [a.action, a.result])).toEqual([
      ["create", "success"],
      ["stop", "success"],
      ["start", "success"],
      ["reboot", "success"],
      ["pause", "success"],
      ["unpause", "success"],
    ]);
  });

  it("stops in well under the stop timeout thanks to the init process", async () => {
    const i = await launchOne("quick");
    const started = Date.now();
    await act(i.id, "stop");
    await until(i.id, "SHUTOFF");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("refuses actions that do not fit the state, with the reason", async () => {
    const i = await launchOne("gated");
    await expect(requestAction(cloud.db, member, i.id, "start")).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Cannot start instance gated while it is ACTIVE: start is allowed when SHUTOFF.",
    });
    await expect(requestAction(cloud.db, member, i.id, "unpause")).rejects.toMatchObject({ code: "CONFLICT" });
    await act(i.id, "stop");
    // A second request while the first runs is refused, not queued behind it.
    await expect(requestAction(cloud.db, member, i.id, "stop")).rejects.toMatchObject({ code: "CONFLICT" });
    await until(i.id, "SHUTOFF");
  });

  it("hides another project's instance as not found", async () => {
    const i = await launchOne("private");
    const other = await cloud.db.project.create({ data: { name: "other" } });
    const outsider = { userId: cloud.userId, isAdmin: false, projectId: other.id };
    await expect(requestAction(cloud.db, outsider, i.id, "stop")).rejects.toMatchObject({ code: "NOT_FOUND", message: "Instance not found." });
    await expect(requestAction(cloud.db, outsider, "not-an-id", "stop")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("locks: a locked instance refuses members until unlocked; admins may still act", async () => {
    const i = await launchOne("locked");
    await lockInstance(cloud.db, member, i.id, true, "production");
    await expect(requestAction(cloud.db, member, i.id, "stop")).rejects.toMatchObject({ message: "Instance locked is locked: unlock it first." });
    await act(i.id, "reboot", {}, admin);
    await until(i.id, "ACTIVE");
    await lockInstance(cloud.db, member, i.id, false);
    await act(i.id, "stop");
    await until(i.id, "SHUTOFF");
  });

  it("renames, refusing bad names", async () => {
    const i = await launchOne("old-name");
    await renameInstance(cloud.db, member, i.id, "new-name");
    expect((await row(i.id)).name).toBe("new-name");
    await expect(renameInstance(cloud.db, member, i.id, "")).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { name: "is required" } });
  });

  it("rebuilds onto a new image, keeping id, name and host", async () => {
    const i = await launchOne("rebuild", "application", "httpd");
    const before = await row(i.id);
    await act(i.id, "rebuild", { imageId: cloud.imageId("ticker") });
    const after = await until(i.id, "ACTIVE");
    expect(after).toMatchObject({ id: i.id, name: "rebuild", hostId: before.hostId, imageId: cloud.imageId("ticker") });
    expect(after.containerId).not.toBe(before.containerId);
    const c = await inspect(i.id);
    expect(c.Config.Image).toBe("berth/ticker:1");
    expect(c.Name).toBe(`/berth-${i.id}`);
    await expect(cloud.docker(before.host!).getContainer(before.containerId!).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it("rolls a failed rebuild back: the old container keeps running", async () => {
    const i = await launchOne("rollback", "application", "httpd");
    const before = await row(i.id);
    // An image in the catalogue whose archive is missing from the store and from the host.
    const broken = await cloud.db.image.create({
      data: { name: "broken", status: "active", visibility: "public", dockerRef: "berth/missing:1", archiveDigest: "0".repeat(64) },
    });
    await act(i.id, "rebuild", { imageId: broken.id });
    const after = await until(i.id, "ACTIVE");
    expect(after).toMatchObject({ containerId: before.containerId, imageId: before.imageId });
    expect((await inspect(i.id)).State.Running).toBe(true);
    const action = await cloud.db.instanceAction.findFirstOrThrow({ where: { instanceId: i.id, action: "rebuild" } });
    expect(action.result).toBe("error");
    expect(action.error).toContain("missing from the image store");
  });

  it("deletes: container gone, allocation freed, row kept for audit", async () => {
    const i = await launchOne("doomed");
    await act(i.id, "delete");
    const gone = await eventually(async () => {
      const r = await row(i.id);
      return r.deletedAt && r;
    }, 20_000, "deleted");
    expect(gone).toMatchObject({ vmState: "deleted", taskState: null });
    expect(gone.terminatedAt).toBeInstanceOf(Date);
    expect(await cloud.db.allocation.count({ where: { instanceId: i.id } })).toBe(0);
    await expect(cloud.docker(i.host!).getContainer(i.containerId!).inspect()).rejects.toMatchObject({ statusCode: 404 });
    await expect(requestAction(cloud.db, member, i.id, "start")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets an admin reset a stuck instance", async () => {
    const i = await launchOne("stuck");
    await cloud.db.instance.update({ where: { id: i.id }, data: { taskState: "rebooting" } });
    await expect(resetState(cloud.db, member, i.id, { state: "active" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await resetState(cloud.db, admin, i.id, { state: "active" });
    expect(await row(i.id)).toMatchObject({ taskState: null, vmState: "active" });
    await expect(resetState(cloud.db, admin, i.id, { state: "building" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("cold-migrates to another host (admin)", async () => {
    const i = await launchOne("migrant");
    await act(i.id, "migrate", {}, admin);
    const after = await until(i.id, "ACTIVE", 30_000);
    expect(after.hostId).not.toBe(i.hostId);
    expect((await inspect(i.id)).State.Running).toBe(true);
  });
});
