import { describe, expect, it } from "vitest";
import { projectSectionOf } from "./project-sections";

describe("projectSectionOf", () => {
  it("keeps the section of a project page", () => {
    expect(projectSectionOf("/projects/abc/images")).toBe("images");
    expect(projectSectionOf("/projects/abc/instances/xyz")).toBe("instances");
    expect(projectSectionOf("/projects/abc/networks")).toBe("networks");
  });

  it("falls back to the overview elsewhere", () => {
    expect(projectSectionOf("/admin/hosts")).toBe("overview");
    expect(projectSectionOf("/projects/abc")).toBe("overview");
    expect(projectSectionOf("/projects/abc/unknown")).toBe("overview");
  });
});
