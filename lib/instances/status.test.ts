import { describe, expect, it } from "vitest";
import { instanceStatus } from "./status";

describe("instanceStatus", () => {
  it.each([
    [{ vmState: "building", taskState: "spawning", powerState: "nostate" }, "BUILD"],
    [{ vmState: "active", taskState: null, powerState: "running" }, "ACTIVE"],
    [{ vmState: "stopped", taskState: null, powerState: "shutdown" }, "SHUTOFF"],
    [{ vmState: "paused", taskState: null, powerState: "paused" }, "PAUSED"],
    [{ vmState: "active", taskState: "rebooting", powerState: "running" }, "REBOOT"],
    [{ vmState: "active", taskState: "rebooting_hard", powerState: "running" }, "HARD_REBOOT"],
    [{ vmState: "active", taskState: "rebuilding", powerState: "running" }, "REBUILD"],
    [{ vmState: "stopped", taskState: "resizing", powerState: "shutdown" }, "RESIZE"],
    [{ vmState: "active", taskState: "resized", powerState: "running" }, "VERIFY_RESIZE"],
    [{ vmState: "stopped", taskState: "resized", powerState: "shutdown" }, "VERIFY_RESIZE"],
    [{ vmState: "active", taskState: "resize_confirming", powerState: "running" }, "VERIFY_RESIZE"],
    [{ vmState: "active", taskState: "resize_reverting", powerState: "running" }, "REVERT_RESIZE"],
    [{ vmState: "active", taskState: "resized", powerState: "unknown" }, "UNKNOWN"],
    [{ vmState: "error", taskState: null, powerState: "nostate" }, "ERROR"],
    [{ vmState: "deleted", taskState: null, powerState: "nostate" }, "DELETED"],
    [{ vmState: "active", taskState: null, powerState: "unknown" }, "UNKNOWN"],
  ])("%o → %s", (states, expected) => {
    expect(instanceStatus(states)).toBe(expected);
  });
});
