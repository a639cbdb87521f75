import { describe, expect, it } from "vitest";
import { auditChanges } from "./audit-changes";

describe("auditChanges", () => {
  it("lists only the fields that changed, without timestamps", () => {
    const before = { id: "h", enabled: true, disabledReason: null, cpuAllocationRatio: 4, updatedAt: "2026-01-01" };
    const after = { id: "h", enabled: false, disabledReason: "kernel upgrade", cpuAllocationRatio: 4, updatedAt: "2026-01-02" };
    expect(auditChanges(before, after)).toEqual([
      { key: "enabled", before: "true", after: "false" },
      { key: "disabledReason", before: "null", after: "kernel upgrade" },
    ]);
  });

  it("shows a creation as every field it was made with", () => {
    expect(auditChanges(null, { name: "m2.small", vcpus: 2 })).toEqual([
      { key: "name", before: "—", after: "m2.small" },
      { key: "vcpus", before: "—", after: "2" },
    ]);
  });

  it("compares nested values as JSON", () => {
    expect(auditChanges({ extraSpecs: { a: 1 } }, { extraSpecs: { a: 1 } })).toEqual([]);
    expect(auditChanges({ projectIds: ["x"] }, { projectIds: ["x", "y"] })).toEqual([{ key: "projectIds", before: '["x"]', after: '["x","y"]' }]);
  });

  it("reads a missing or non-object snapshot as no fields", () => {
    expect(auditChanges(undefined, undefined)).toEqual([]);
    expect(auditChanges([1], "x")).toEqual([]);
  });
});
