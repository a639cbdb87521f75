import { describe, expect, it } from "vitest";
import { safeNextPath, signInPath } from "./request-path";

describe("safeNextPath", () => {
  it.each([
    ["/projects/1/overview", "/projects/1/overview"],
    ["/admin/hosts?sort=name", "/admin/hosts?sort=name"],
    ["/", "/"],
  ])("keeps the local path %s", (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });

  it.each([
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "projects/1",
    "/sign-in",
    "/sign-in?next=/admin",
    "",
    undefined,
    ["/admin"],
  ])("refuses %o", (value) => {
    expect(safeNextPath(value)).toBeNull();
  });
});

describe("signInPath", () => {
  it("remembers a safe destination", () => {
    expect(signInPath("/projects/1/images")).toBe("/sign-in?next=%2Fprojects%2F1%2Fimages");
  });

  it("drops an unsafe or missing one", () => {
    expect(signInPath("https://evil.example")).toBe("/sign-in");
    expect(signInPath(null)).toBe("/sign-in");
  });
});
