import { sumUsageBy, type UsageLine, type UsageSums } from "./usage-report";

export type ProjectUsage = { projectId: string } & UsageSums;

/** A cloud-wide report's lines summed per project, the heaviest user of vCPU first. */
export function usageByProject(lines: UsageLine[]): ProjectUsage[] {
  return [...sumUsageBy(lines, (line) => line.projectId)]
    .map(([projectId, sums]) => ({ projectId, ...sums }))
    .sort((a, b) => b.vcpuHours - a.vcpuHours || a.projectId.localeCompare(b.projectId));
}
