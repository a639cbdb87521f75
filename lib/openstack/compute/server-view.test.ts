import { describe, expect, it } from "vitest";
import { toFlavor } from "./flavor-view";
import { hostIdOf, hostStatusOf, POWER_STATE_CODES, toServer, type ServerRecord } from "./server-view";

const base: ServerRecord = {
  id: "0b9a0a43-8d7e-4a43-9d0e-5c0d3b8f2f36",
  name: "web-1",
  projectId: "p1",
  userId: "u1",
  kind: "machine",
  imageId: "i1",
  flavorId: "f1",
  flavorName: "m1.tiny",
  vcpus: 1,
  ramMiB: 128,
  diskGiB: 1,
  swapMiB: 0,
  flavorExtraSpecs: { pids_limit: 256 },
  labels: { team: "a" },
  availabilityZone: null,
  vmState: "active",
  taskState: null,
  powerState: "running",
  locked: true,
  lockedReason: "maintenance",
  faultCode: null,
  faultMessage: null,
  faultDetails: null,
  faultAt: null,
  createdAt: new Date("2026-11-23T10:00:00.123Z"),
  updatedAt: new Date("2026-11-23T10:05:00Z"),
  launchedAt: new Date("2026-11-23T10:00:02.5Z"),
  terminatedAt: null,
  host: { name: "host-0", status: "up", enabled: true, availabilityZone: "nova" },
  hostId: "h0",
  addresses: [
    { address: "10.128.0.2", networkHost: { hostId: "h0", network: { name: "default" } } },
    { address: "10.128.1.2", networkHost: { hostId: "h0", network: { name: "backend" } } },
    { address: "10.128.5.2", networkHost: { hostId: "h1", network: { name: "default" } } },
  ],
};

const view = (record: Partial<ServerRecord>, minor = 1, isAdmin = false) => toServer({ ...base, ...record }, { version: { minor }, origin: "http://h:1", isAdmin });

describe("Nova's view of an instance", () => {
  it("lists its fixed addresses by network, on the host it is on now", () => {
    expect(view({}).addresses).toEqual({
      default: [{ version: 4, addr: "10.128.0.2", "OS-EXT-IPS:type": "fixed" }],
      backend: [{ version: 4, addr: "10.128.1.2", "OS-EXT-IPS:type": "fixed" }],
    });
  });

  it.each([
    [{ vmState: "building", taskState: "scheduling", powerState: "nostate" }, "BUILD", "scheduling", 0],
    [{ vmState: "active", taskState: null, powerState: "running" }, "ACTIVE", null, 1],
    [{ vmState: "active", taskState: "powering-off", powerState: "running" }, "ACTIVE", "powering-off", 1],
    [{ vmState: "stopped", taskState: null, powerState: "shutdown" }, "SHUTOFF", null, 4],
    [{ vmState: "paused", taskState: null, powerState: "paused" }, "PAUSED", null, 3],
    [{ vmState: "active", taskState: "rebooting_hard", powerState: "running" }, "HARD_REBOOT", "rebooting_hard", 1],
    [{ vmState: "active", taskState: "resizing", powerState: "running" }, "RESIZE", "resizing", 1],
    [{ vmState: "active", taskState: null, powerState: "unknown" }, "UNKNOWN", null, 0],
    [{ vmState: "error", taskState: null, powerState: "crashed" }, "ERROR", null, 6],
  ])("%o is %s", (states, status, task, power) => {
    expect(view(states)).toMatchObject({ status, "OS-EXT-STS:vm_state": states.vmState, "OS-EXT-STS:task_state": task, "OS-EXT-STS:power_state": power });
  });

  it.each([
    [{ vmState: "active", taskState: "resized", powerState: "running" }, "VERIFY_RESIZE", null, 1],
    [{ vmState: "stopped", taskState: "resized", powerState: "shutdown" }, "VERIFY_RESIZE", null, 4],
    [{ vmState: "active", taskState: "resize_confirming", powerState: "running" }, "VERIFY_RESIZE", "resize_confirming", 1],
    [{ vmState: "active", taskState: "resize_reverting", powerState: "running" }, "REVERT_RESIZE", "resize_reverting", 1],
  ])("%o waits on its resize as Nova's vm_state resized, %s", (states, status, task, power) => {
    expect(view(states)).toMatchObject({ status, "OS-EXT-STS:vm_state": "resized", "OS-EXT-STS:task_state": task, "OS-EXT-STS:power_state": power });
  });

  it("knows every power state Berth stores", () => {
    expect(Object.keys(POWER_STATE_CODES).sort()).toEqual(["crashed", "nostate", "paused", "running", "shutdown", "unknown"]);
  });

  it("shows the fault of an ERROR server, its details to admins only", () => {
    const failed = { vmState: "error", faultCode: 500, faultMessage: "No valid host", faultDetails: "trace", faultAt: new Date("2026-11-23T10:01:00Z") };
    expect(view(failed).fault).toEqual({ code: 500, message: "No valid host", created: "2026-11-23T10:01:00Z" });
    expect(view(failed, 1, true).fault).toMatchObject({ details: "trace" });
    expect(view({ faultMessage: "old" })).not.toHaveProperty("fault");
  });

  it("tells tenants only an opaque host id; admins see the host", () => {
    const server = view({});
    expect(server.hostId).toBe(hostIdOf("p1", "host-0"));
    expect(server.hostId).toMatch(/^[0-9a-f]{56}$/);
    expect(server).not.toHaveProperty("OS-EXT-SRV-ATTR:host");
    expect(view({}, 16, true)).toMatchObject({ "OS-EXT-SRV-ATTR:host": "host-0", "OS-EXT-SRV-ATTR:instance_name": `berth-${base.id}`, host_status: "UP" });
    expect(hostIdOf("p1", null)).toBe("");
  });

  it("adds each microversion's fields from its version on", () => {
    const v21 = view({});
    expect(v21).not.toHaveProperty("locked");
    expect(v21.flavor).toEqual({ id: "f1", links: [{ rel: "bookmark", href: "http://h:1/compute/flavors/f1" }] });
    const v79 = view({}, 79);
    expect(v79).toMatchObject({ locked: true, locked_reason: "maintenance", description: null, tags: [], trusted_image_certificates: null });
    expect(v79.flavor).toEqual({ vcpus: 1, ram: 128, disk: 1, ephemeral: 0, swap: 0, original_name: "m1.tiny", extra_specs: { pids_limit: "256" } });
    expect(view({}, 72)).not.toHaveProperty("locked_reason");
  });

  it("prints times as Nova does", () => {
    expect(view({})).toMatchObject({ created: "2026-11-23T10:00:00Z", "OS-SRV-USG:launched_at": "2026-11-23T10:00:02.500000", "OS-SRV-USG:terminated_at": null });
  });

  it("reports host status as Nova's UP, DOWN, MAINTENANCE", () => {
    expect(hostStatusOf({ name: "h", status: "down", enabled: true, availabilityZone: "nova" })).toBe("DOWN");
    expect(hostStatusOf({ name: "h", status: "up", enabled: false, availabilityZone: "nova" })).toBe("MAINTENANCE");
    expect(hostStatusOf(null)).toBe("");
  });
});

describe("Nova's view of a flavor", () => {
  const flavor = { id: "f1", name: "m1.tiny", vcpus: 1, ramMiB: 128, diskGiB: 1, swapMiB: 0, isPublic: false, extraSpecs: { cpu_shares: 512 } };

  it("prints no swap as an empty string before 2.75 and 0 after", () => {
    expect(toFlavor(flavor, "http://h:1", { minor: 1 })).toMatchObject({ swap: "", ram: 128, "os-flavor-access:is_public": false, "OS-FLV-EXT-DATA:ephemeral": 0 });
    expect(toFlavor(flavor, "http://h:1", { minor: 75 })).toMatchObject({ swap: 0, description: null, extra_specs: { cpu_shares: "512" } });
    expect(toFlavor(flavor, "http://h:1", { minor: 60 })).not.toHaveProperty("extra_specs");
  });
});
