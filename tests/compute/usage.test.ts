import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usageCsv, usageReport } from "@/lib/usage/usage-report";
import { startCloud, type Cloud } from "../support/cloud";

let cloud: Cloud;
beforeAll(async () => {
  cloud = await startCloud({ hosts: 1, services: false });
});
afterAll(() => cloud?.stop());

const at = (h: number) => new Date(Date.UTC(2026, 10, 1, h));

describe("usage report", () => {
  it("bills each instance from launch to deletion at its flavor's size, deleted ones included", async () => {
    const base = { projectId: cloud.projectId, kind: "machine" as const, flavorName: "m1.small", vcpus: 2, ramMiB: 2048, diskGiB: 5 };
    await cloud.db.instance.create({ data: { ...base, name: "kept", launchedAt: at(1), vmState: "active" } });
    await cloud.db.instance.create({
      data: { ...base, name: "gone", flavorName: "m1.tiny", vcpus: 1, ramMiB: 512, launchedAt: at(0), terminatedAt: at(4), deletedAt: at(4), vmState: "deleted" },
    });
    await cloud.db.instance.create({ data: { ...base, name: "never", vmState: "error" } });
    const report = await usageReport(cloud.db, cloud.projectId, at(2), at(6), at(5));
    expect(report.lines.map((l) => [l.name, l.hours, l.vcpuHours, l.ramGiBHours])).toEqual([
      ["gone", 2, 2, 1],
      ["kept", 3, 6, 6],
    ]);
    expect(report.totals).toEqual({ instances: 2, hours: 5, vcpuHours: 8, ramGiBHours: 7 });
    expect(report.byFlavor).toEqual([
      { flavorName: "m1.tiny", instances: 1, hours: 2, vcpuHours: 2, ramGiBHours: 1 },
      { flavorName: "m1.small", instances: 1, hours: 3, vcpuHours: 6, ramGiBHours: 6 },
    ]);
    const csv = usageCsv(report).split("\n");
    expect(csv[0]).toBe("instance_id,name,project_id,flavor,vcpus,ram_mib,hours,vcpu_hours,ram_gib_hours,state");
    expect(csv[1]).toMatch(/,gone,.*,m1\.tiny,1,512,2,2,1,deleted$/);
  });
});
