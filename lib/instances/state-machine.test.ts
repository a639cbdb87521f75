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

  it("lets a resize waiting for its confirmation be confirmed, reverted, deleted, locked or renamed, and nothing else", () => {
    const resized = { ...active, taskState: "resized" };
    expect(availableActions(resized).sort()).toEqual(["confirm-resize", "delete", "lock", "rename", "revert-resize"]);
    expect(refusal(resized, "stop", false)).toBe(
      "Cannot stop instance web while its resize waits to be confirmed or reverted: confirm or revert it first.",
    );
    expect(refusal(resized, "reset-state", true)).toMatch(/confirm or revert it first/);
    expect(refusal(active, "confirm-resize", false)).toBe(
      "Cannot confirm-resize instance web while it is ACTIVE: confirm-resize is allowed when VERIFY_RESIZE.",
    );
    const reverting = { ...active, taskState: "resize_reverting" };
    expect(refusal(reverting, "confirm-resize", false)).toMatch(/busy \(resize_reverting\)/);
    expect(refusal(reverting, "delete", false)).toBeNull();
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

  it("offers unlock for a locked instance and lock for any other, never both", () => {
    expect(availableActions(active)).toContain("lock");
    expect(availableActions(active)).not.toContain("unlock");
    const locked = { ...active, locked: true };
    for (const isAdmin of [false, true]) {
      expect(availableActions(locked, isAdmin)).toContain("unlock");
      expect(availableActions(locked, isAdmin)).not.toContain("lock");
    }
    expect(refusal(locked, "lock", false)).toBeNull();
  });

  it("throws CONFLICT with the reason", () => {
    expect(() => assertAllowed(stopped, "pause")).toThrowError(
      expect.objectContaining({ code: "CONFLICT", message: expect.stringContaining("pause is allowed when ACTIVE") }),
    );
  });
});
