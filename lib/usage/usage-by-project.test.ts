import { describe, expect, it } from "vitest";
import { usageByProject } from "./usage-by-project";
import type { UsageLine } from "./usage-report";

const line = (projectId: string, hours: number, vcpus: number, ramMiB: number): UsageLine => ({
  instanceId: `${projectId}-${hours}`,
  name: "i",
  projectId,
  flavorName: "m1.tiny",
  vcpus,
  ramMiB,
  hours,
  vcpuHours: hours * vcpus,
  ramGiBHours: (hours * ramMiB) / 1024,
  state: "active",
});

describe("usageByProject", () => {
  it("sums each project's instances, heaviest vCPU user first", () => {
    const summary = usageByProject([line("a", 1, 1, 512), line("b", 2, 4, 1024), line("a", 0.1, 1, 512), line("a", 0.2, 1, 512)]);
    expect(summary).toEqual([
      { projectId: "b", instances: 1, hours: 2, vcpuHours: 8, ramGiBHours: 2 },
      { projectId: "a", instances: 3, hours: 1.3, vcpuHours: 1.3, ramGiBHours: 0.65 },
    ]);
  });

  it("is empty for an empty report", () => {
    expect(usageByProject([])).toEqual([]);
  });
});
