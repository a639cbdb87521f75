import { describe, expect, it } from "vitest";
import { assertAllowed, availableActions, refusal } from "./state-machine";

const active = { name: "web", vmState: "active", taskState: null, powerState: "running", locked: false };
const stopped = { ...active, vmState: "stopped", powerState: "shutdown" };

describe("instance state machine", () => {
  it("allows stop on ACTIVE and start on SHUTOFF only", () => {
    expect(refusal(active, "stop", false)).toBeNull();
    expect(refusal(stopped, "start", false)).toBeNull();
    expect(refusal(active, "start", false)).toBe(
      "Cannot start instance web while it is ACTIVE: start is allowed when SHUTOFF.",
    );
  });

  it("refuses most actions while a task runs, but lets delete through", () => {
    const rebooting = { ...active, taskState: "rebooting" };
    expect(refusal(rebooting, "stop", false)).toMatch(/busy \(rebooting\)/);
    expect(refusal(rebooting, "delete", false)).toBeNull();
  });

  it("keeps a locked instance locked for members, not for admins", () => {
    const locked = { ...active, locked: true };
    expect(refusal(locked, "stop", false)).toBe("Instance web is locked: unlock it first.");
    expect(refusal(locked, "delete", false)).toMatch(/locked/);
    expect(refusal(locked, "unlock", false)).toBeNull();
    expect(refusal(locked, "stop", true)).toBeNull();
  });

  it("offers nothing for a deleted instance", () => {
    expect(availableActions({ ...active, vmState: "deleted" })).toEqual([]);
  });

  it("offers the actions that fit ACTIVE", () => {
    expect(availableActions(active)).toEqual(
      expect.arrayContaining(["stop", "reboot", "pause", "rebuild", "resize", "delete", "lock"]),
    );
    expect(availableActions(active)).not.toContain("start");
    expect(availableActions(active)).not.toContain("unpause");
  });

  it("throws CONFLICT with the reason", () => {
    expect(() => assertAllowed(stopped, "pause")).toThrowError(
      expect.objectContaining({ code: "CONFLICT", message: expect.stringContaining("pause is allowed when ACTIVE") }),
    );
  });
});
