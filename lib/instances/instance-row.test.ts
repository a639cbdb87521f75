import { describe, expect, it } from "vitest";
import { rowActions, rowFormActions, toInstanceRow, type InstanceRecord } from "./instance-row";

const record: InstanceRecord = {
  id: "0b9f8f4e-2a43-4a51-9f59-2c1f9a6f0c11",
  name: "web-1",
  kind: "machine",
  imageId: "5d0f3c1a-7b2e-4c7d-8f6a-1e2d3c4b5a69",
  flavorName: "m1.small",
  vcpus: 1,
  ramMiB: 512,
  diskGiB: 5,
  vmState: "active",
  taskState: null,
  powerState: "running",
  availabilityZone: null,
  createdAt: new Date("2026-11-23T10:00:00.000Z"),
  updatedAt: new Date("2026-11-23T10:00:05.000Z"),
  locked: false,
  lockedReason: null,
  faultMessage: null,
  image: { name: "busybox" },
  host: { name: "local", availabilityZone: "nova" },
  hostId: "host-now",
  addresses: [
    { address: "10.128.0.2", networkHost: { hostId: "host-now", network: { name: "default" } } },
    { address: "10.128.9.2", networkHost: { hostId: "host-before", network: { name: "default" } } },
  ],
};

describe("rowActions", () => {
  it("offers a member what the state allows", () => {
    expect(rowActions(record, "member")).toEqual(["stop", "reboot", "hard-reboot", "pause", "lock", "delete"]);
    expect(rowActions({ ...record, vmState: "stopped", powerState: "shutdown" }, "member")).toEqual(["start", "hard-reboot", "lock", "delete"]);
    expect(rowActions({ ...record, vmState: "paused", powerState: "paused" }, "member")).toEqual(["stop", "hard-reboot", "unpause", "lock", "delete"]);
  });

  it("offers a reader nothing, whatever the state", () => {
    expect(rowActions(record, "reader")).toEqual([]);
  });

  it("lets only delete (and lock changes) through while a task runs", () => {
    expect(rowActions({ ...record, taskState: "powering-off" }, "member")).toEqual(["lock", "delete"]);
  });

  it("offers confirm and revert (and delete) for a resize waiting for its confirmation, which is no running task", () => {
    const resized = { ...record, taskState: "resized" };
    expect(rowActions(resized, "member")).toEqual(["confirm-resize", "revert-resize", "lock", "delete"]);
    expect(toInstanceRow(resized, "member")).toMatchObject({ status: "VERIFY_RESIZE", task: null });
  });

  it("leaves a locked instance only to unlock for members, and everything for admins", () => {
    const locked = { ...record, locked: true };
    expect(rowActions(locked, "member")).toEqual(["unlock"]);
    expect(rowActions(locked, "admin")).toEqual(["stop", "reboot", "hard-reboot", "pause", "unlock", "delete"]);
  });
});

describe("rowFormActions", () => {
  it("offers a snapshot in the states that allow one, to those who may take it, when no task runs", () => {
    expect(rowFormActions(record, "member")).toEqual(["snapshot"]);
    expect(rowFormActions({ ...record, vmState: "stopped", powerState: "shutdown" }, "member")).toEqual(["snapshot"]);
    expect(rowFormActions({ ...record, vmState: "error", powerState: "nostate" }, "member")).toEqual([]);
    expect(rowFormActions({ ...record, taskState: "image_snapshot" }, "member")).toEqual([]);
    expect(rowFormActions(record, "reader")).toEqual([]);
  });
});

describe("toInstanceRow", () => {
  it("gives the browser plain JSON with the status worked out and no host for members", () => {
    const row = toInstanceRow(record, "member");
    expect(row).toEqual({
      id: record.id,
      name: "web-1",
      kind: "machine",
      imageId: record.imageId,
      imageName: "busybox",
      flavor: { name: "m1.small", vcpus: 1, ramMiB: 512, diskGiB: 5 },
      status: "ACTIVE",
      vmState: "active",
      task: null,
      powerState: "running",
      addresses: ["10.128.0.2"],
      availabilityZone: "nova",
      createdAt: "2026-11-23T10:00:00.000Z",
      updatedAt: "2026-11-23T10:00:05.000Z",
      locked: false,
      lockedReason: null,
      fault: null,
      actions: ["stop", "reboot", "hard-reboot", "pause", "lock", "delete"],
      formActions: ["snapshot"],
    });
    expect("host" in row).toBe(false);
    expect(JSON.parse(JSON.stringify(row))).toEqual(row);
  });

  it("shows admins the host, and null when the instance is not placed", () => {
    expect(toInstanceRow(record, "admin").host).toBe("local");
    expect(toInstanceRow({ ...record, host: null }, "admin").host).toBeNull();
  });

  it("carries the fault of an ERROR instance only", () => {
    const failed = { ...record, vmState: "error", powerState: "nostate", faultMessage: "No valid host: 0 of 1 host can fit 8 vCPUs" };
    expect(toInstanceRow(failed, "member")).toMatchObject({ status: "ERROR", fault: "No valid host: 0 of 1 host can fit 8 vCPUs" });
    expect(toInstanceRow({ ...failed, faultMessage: null }, "member").fault).toBe("No reason was recorded.");
    // A fault left over from an earlier failure is not the current state.
    expect(toInstanceRow({ ...record, faultMessage: "old" }, "member").fault).toBeNull();
  });

  it("takes the zone asked for at launch over the host's, and shows none before placement", () => {
    expect(toInstanceRow({ ...record, availabilityZone: "east" }, "member").availabilityZone).toBe("east");
    expect(toInstanceRow({ ...record, host: null }, "member").availabilityZone).toBeNull();
    expect(toInstanceRow({ ...record, image: null }, "member").imageName).toBeNull();
  });
});
