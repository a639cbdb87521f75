import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit/audit";
import { createFlavor, deleteFlavor } from "@/lib/flavors/manage-flavors";
import { flavorsForProject } from "@/lib/flavors/list-flavors";
import { evacuateHost, removeHost, setHostEnabled, updateHost } from "@/lib/hosts/manage-hosts";
import { createProject, createUser, renameProject, resetPassword, setMembership, setProjectEnabled, setUserEnabled } from "@/lib/identity/manage-identity";
import { resolveSession, signIn } from "@/lib/identity/sessions";
import { deleteImage, updateImage } from "@/lib/images/manage-images";
import { auditedAdminAction } from "@/lib/instances/audited-admin-action";
import { launchInstances } from "@/lib/instances/launch-instances";
import { resetState } from "@/lib/instances/request-action";
import { updateDefaultQuotas, updateProjectQuotas } from "@/lib/quotas/update-quotas";
import { quotaLimits } from "@/lib/quotas/quotas";
import { startCloud, type Cloud } from "../support/cloud";

let cloud: Cloud;
let actor: { id: string; username: string };
beforeAll(async () => {
  cloud = await startCloud({ hosts: 1, services: false });
  actor = { id: cloud.userId, username: "admin" };
});
afterAll(() => cloud?.stop());

const launch = (projectId: string, flavor = "m1.nano", name = "i") =>
  launchInstances(cloud.db, { userId: cloud.userId, projectId }, { name, imageId: cloud.imageId("busybox"), flavorId: cloud.flavorId(flavor), kind: "machine" });

describe("flavors", () => {
  it("refuses bad values field by field, and duplicates by name", async () => {
    await expect(createFlavor(cloud.db, actor, { name: "zero", vcpus: 0, ramMiB: -5, diskGiB: 1 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { vcpus: "must be at least 1", ramMiB: "must be at least 16 MiB" },
    });
    await expect(createFlavor(cloud.db, actor, { name: "m1.tiny", vcpus: 1, ramMiB: 64, diskGiB: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A flavor named m1.tiny already exists.",
    });
    await expect(createFlavor(cloud.db, actor, { name: "odd", vcpus: 1, ramMiB: 64, diskGiB: 1, extraSpecs: { gpus: 1 } })).rejects.toMatchObject({
      fields: { "extraSpecs.gpus": "gpus is not a known extra spec; known: pids_limit, cpu_shares" },
    });
    await expect(createFlavor(cloud.db, actor, { name: "lonely", vcpus: 1, ramMiB: 64, diskGiB: 1, isPublic: false })).rejects.toMatchObject({
      fields: { projectIds: "a private flavor needs at least one project" },
    });
  });

  it("makes a private flavor that only its projects see, and deletes it without touching instances", async () => {
    const other = await createProject(cloud.db, actor, { name: "flavor-other" });
    const flavor = await createFlavor(cloud.db, actor, {
      name: "private.big",
      vcpus: 2,
      ramMiB: 256,
      diskGiB: 2,
      isPublic: false,
      projectIds: [cloud.projectId],
      extraSpecs: { pids_limit: 128 },
    });
    expect((await flavorsForProject(cloud.db, cloud.projectId)).map((f) => f.name)).toContain("private.big");
    expect((await flavorsForProject(cloud.db, other.id)).map((f) => f.name)).not.toContain("private.big");
    await expect(
      launchInstances(cloud.db, { userId: cloud.userId, projectId: other.id }, { name: "x", imageId: cloud.imageId("busybox"), flavorId: flavor.id, kind: "machine" }),
    ).rejects.toMatchObject({ fields: { flavorId: "Flavor not found or not available to this project." } });
    const { instances } = await launchInstances(cloud.db, { userId: cloud.userId, projectId: cloud.projectId }, {
      name: "keeps-copy",
      imageId: cloud.imageId("busybox"),
      flavorId: flavor.id,
      kind: "machine",
    });
    await deleteFlavor(cloud.db, actor, flavor.id);
    const kept = await cloud.db.instance.findUniqueOrThrow({ where: { id: instances[0].id } });
    expect(kept).toMatchObject({ flavorName: "private.big", vcpus: 2, ramMiB: 256, flavorExtraSpecs: { pids_limit: 128 } });
  });
});

describe("quotas", () => {
  it("refuses a limit below current usage, naming the usage", async () => {
    const p = await createProject(cloud.db, actor, { name: "quota-p" });
    await launch(p.id, "m1.nano", "a");
    await launch(p.id, "m1.nano", "b");
    await expect(updateProjectQuotas(cloud.db, actor, p.id, { instances: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Cannot lower the quota of quota-p: instances below current usage: the project uses 2.",
      fields: { instances: "below current usage: the project uses 2" },
    });
    await updateProjectQuotas(cloud.db, actor, p.id, { instances: 2, ram: 1024 });
    expect(await quotaLimits(cloud.db, p.id)).toMatchObject({ instances: 2, ram: 1024, cores: 20 });
    await expect(launch(p.id)).rejects.toMatchObject({ message: "Quota exceeded for instances: requested 1, used 2 of 2" });
    await expect(updateProjectQuotas(cloud.db, actor, p.id, { cores: -2 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("changes the defaults new projects get", async () => {
    await updateDefaultQuotas(cloud.db, actor, { instances: 3 });
    const p = await createProject(cloud.db, actor, { name: "defaults-p" });
    expect((await quotaLimits(cloud.db, p.id)).instances).toBe(3);
    await updateDefaultQuotas(cloud.db, actor, { instances: 10 });
  });
});

describe("projects and users", () => {
  it("creates, renames and disables projects; a disabled project cannot launch", async () => {
    const p = await createProject(cloud.db, actor, { name: "team-x", description: "X" });
    await expect(createProject(cloud.db, actor, { name: "team-x" })).rejects.toMatchObject({ code: "CONFLICT" });
    await renameProject(cloud.db, actor, p.id, "team-y");
    await setProjectEnabled(cloud.db, actor, p.id, false);
    await expect(launch(p.id)).rejects.toMatchObject({ code: "FORBIDDEN", message: "Project team-y is disabled: it cannot launch instances." });
  });

  it("creates users, ends a disabled user's sessions at once, and resets passwords", async () => {
    const u = await createUser(cloud.db, actor, { username: "carol", password: "carol-pass-1" });
    await expect(createUser(cloud.db, actor, { username: "Bad Name", password: "short" })).rejects.toMatchObject({
      fields: { username: expect.any(String), password: "at least 8 characters" },
    });
    await setMembership(cloud.db, actor, { userId: u.id, projectId: cloud.projectId, role: "reader" });
    const { token } = await signIn(cloud.db, "carol", "carol-pass-1", 1);
    expect(await resolveSession(cloud.db, token)).toBeTruthy();
    await setUserEnabled(cloud.db, actor, u.id, false);
    expect(await resolveSession(cloud.db, token)).toBeNull();
    expect(await cloud.db.session.count({ where: { userId: u.id } })).toBe(0);
    await setUserEnabled(cloud.db, actor, u.id, true);
    const again = await signIn(cloud.db, "carol", "carol-pass-1", 1);
    await resetPassword(cloud.db, actor, u.id, "carol-pass-2");
    expect(await resolveSession(cloud.db, again.token)).toBeNull();
    await expect(signIn(cloud.db, "carol", "carol-pass-1", 1)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await setMembership(cloud.db, actor, { userId: u.id, projectId: cloud.projectId, role: null });
    expect(await cloud.db.membership.count({ where: { userId: u.id } })).toBe(0);
    await expect(setUserEnabled(cloud.db, actor, actor.id, false)).rejects.toMatchObject({ message: "You cannot disable your own account." });
  });
});

describe("hosts", () => {
  it("edits, disables with a reason, refuses to remove a busy host or evacuate a live one", async () => {
    const host = cloud.hosts[0];
    await expect(updateHost(cloud.db, actor, host.id, { cpuAllocationRatio: 0 })).rejects.toMatchObject({ fields: { cpuAllocationRatio: "must be above 0" } });
    await updateHost(cloud.db, actor, host.id, { availabilityZone: "west", cpuAllocationRatio: 8 });
    await expect(setHostEnabled(cloud.db, actor, host.id, false)).rejects.toMatchObject({ fields: { reason: "is required" } });
    const off = await setHostEnabled(cloud.db, actor, host.id, false, "kernel upgrade");
    expect(off).toMatchObject({ enabled: false, disabledReason: "kernel upgrade" });
    await setHostEnabled(cloud.db, actor, host.id, true);
    await cloud.db.instance.updateMany({ where: { deletedAt: null }, data: { hostId: host.id } });
    await expect(removeHost(cloud.db, actor, host.id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^Host host-0 still has \d+ instances/) });
    await expect(evacuateHost(cloud.db, actor, host.id)).rejects.toMatchObject({ message: expect.stringContaining("is up") });
  });

  it("sets where published ports are reached, refusing a range that ends before it starts, and audits it", async () => {
    const host = cloud.hosts[0];
    await expect(updateHost(cloud.db, actor, host.id, { portRangeMin: 31000 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { portRangeMin: "must not be above the range's last port (30999)" },
    });
    await expect(updateHost(cloud.db, actor, host.id, { portRangeMin: 80 })).rejects.toMatchObject({ fields: { portRangeMin: "must be 1024–65535" } });
    const after = await updateHost(cloud.db, actor, host.id, { publicAddress: "203.0.113.10", portRangeMin: 31000, portRangeMax: 31099 });
    expect(after).toMatchObject({ publicAddress: "203.0.113.10", portRangeMin: 31000, portRangeMax: 31099 });
    const event = await cloud.db.auditEvent.findFirstOrThrow({ where: { action: "host.update", targetId: host.id }, orderBy: { createdAt: "desc" } });
    expect(event.before).toMatchObject({ publicAddress: null, portRangeMin: 30000, portRangeMax: 30999 });
    expect(event.after).toMatchObject({ publicAddress: "203.0.113.10", portRangeMin: 31000, portRangeMax: 31099 });
    expect(await updateHost(cloud.db, actor, host.id, { publicAddress: "", portRangeMin: 30000, portRangeMax: 30999 })).toMatchObject({ publicAddress: null });
  });

  it("removes an empty host", async () => {
    const empty = await cloud.db.host.create({ data: { name: "spare", endpoint: "unix:///tmp/spare.sock" } });
    await removeHost(cloud.db, actor, empty.id);
    expect(await cloud.db.host.count({ where: { id: empty.id } })).toBe(0);
  });
});

describe("images", () => {
  it("refuses to delete a protected image, then one in use, naming the reason", async () => {
    const busybox = cloud.imageId("busybox");
    await expect(deleteImage(cloud.db, actor, busybox, null)).rejects.toMatchObject({ message: "Image busybox is protected: unprotect it before deleting." });
    await updateImage(cloud.db, actor, busybox, null, { protected: false, minRamMiB: 32 });
    await expect(deleteImage(cloud.db, actor, busybox, null)).rejects.toMatchObject({ message: expect.stringMatching(/^Image busybox is in use by /) });
    await expect(updateImage(cloud.db, actor, busybox, null, { minRamMiB: -1 })).rejects.toMatchObject({ fields: { minRamMiB: "must not be negative" } });
  });
});

describe("admin instance actions", () => {
  it("are audited with the instance before and after", async () => {
    const { instances } = await launch(cloud.projectId, "m1.nano", "audited");
    const id = instances[0].id;
    await auditedAdminAction(cloud.db, actor, id, "reset-state", () => resetState(cloud.db, { userId: actor.id, isAdmin: true }, id, { state: "error" }));
    const event = await cloud.db.auditEvent.findFirstOrThrow({ where: { action: "instance.reset-state", targetId: id } });
    expect(event).toMatchObject({ actorName: "admin", targetType: "instance", targetName: "audited" });
    expect(event.before).toMatchObject({ vmState: "building" });
    expect(event.after).toMatchObject({ vmState: "error" });
  });
});

describe("audit log", () => {
  it("records who changed what, with before and after", async () => {
    const events = await listAuditEvents(cloud.db, { take: 200 });
    const rename = events.find((e) => e.action === "project.rename")!;
    expect(rename).toMatchObject({ actorName: "admin", targetType: "project", targetName: "team-y" });
    expect(rename.before).toMatchObject({ name: "team-x" });
    expect(rename.after).toMatchObject({ name: "team-y" });
    const userCreate = events.find((e) => e.action === "user.create")!;
    expect(JSON.stringify(userCreate.after)).not.toContain("scrypt$");
    expect([...new Set(events.map((e) => e.action))]).toEqual(
      expect.arrayContaining(["flavor.create", "flavor.delete", "quota.update", "quota.defaults", "host.update", "host.disable", "user.disable", "membership.set"]),
    );
  });
});
