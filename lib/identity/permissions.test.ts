import { describe, expect, it } from "vitest";
import { can, permissionsOf } from "./permissions";

describe("permissions", () => {
  it("lets readers view but not operate", () => {
    expect(can("reader", "project:view")).toBe(true);
    expect(can("reader", "instance:logs")).toBe(true);
    expect(can("reader", "instance:launch")).toBe(false);
    expect(can("reader", "instance:reboot")).toBe(false);
  });

  it("lets members operate but not administer", () => {
    expect(can("member", "instance:launch")).toBe(true);
    expect(can("member", "instance:reboot")).toBe(true);
    expect(can("member", "quota:update")).toBe(false);
    expect(can("member", "host:manage")).toBe(false);
  });

  it("gives admins everything", () => {
    expect(permissionsOf("admin").length).toBeGreaterThan(permissionsOf("member").length);
    expect(can("admin", "quota:update")).toBe(true);
  });

  it("gives nobody anything without a role", () => {
    expect(can(null, "project:view")).toBe(false);
    expect(permissionsOf(undefined)).toEqual([]);
  });
});
