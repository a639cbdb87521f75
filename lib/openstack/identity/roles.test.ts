import { describe, expect, it } from "vitest";
import { impliedRoles, lesserRole, roleAtLeast } from "./roles";

describe("Keystone roles from Berth's", () => {
  it("list the roles each one implies, as Keystone's defaults do", () => {
    expect(impliedRoles("admin")).toEqual(["admin", "member", "reader"]);
    expect(impliedRoles("member")).toEqual(["member", "reader"]);
    expect(impliedRoles("reader")).toEqual(["reader"]);
  });

  it("cap an application credential at the smaller role", () => {
    expect(lesserRole("member", "reader")).toBe("reader");
    expect(lesserRole("reader", "member")).toBe("reader");
    expect(lesserRole("admin", null)).toBe("admin");
    expect(roleAtLeast("member", "reader")).toBe(true);
    expect(roleAtLeast("reader", "member")).toBe(false);
  });
});
