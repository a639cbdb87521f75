import "server-only";
import type { Db } from "@/lib/db/client";

export type UsageLine = {
  instanceId: string;
  name: string;
  projectId: string;
  flavorName: string;
  vcpus: number;
  ramMiB: number;
  hours: number;
  vcpuHours: number;
  ramGiBHours: number;
  state: string;
};

export type UsageReport = {
  from: Date;
  to: Date;
  lines: UsageLine[];
  byFlavor: ({ flavorName: string } & UsageSums)[];
  totals: UsageSums;
};

const HOUR_MS = 3600_000;
const round = (n: number) => Math.round(n * 1000) / 1000;

/** Hours of [start, end) that fall inside [from, to). */
export function overlapHours(start: Date, end: Date, from: Date, to: Date): number {
  const ms = Math.min(end.getTime(), to.getTime()) - Math.max(start.getTime(), from.getTime());
  return ms > 0 ? ms / HOUR_MS : 0;
}

/**
 * Usage for a period, as Nova's simple tenant usage counts it: an instance is billed from its
 * launch until it is deleted, at the size of its flavor. Deleted instances keep their rows, so
 * past periods stay exact. `projectId` null means every project (admin report).
 */
export async function usageReport(db: Db, projectId: string | null, from: Date, to: Date, now = new Date()): Promise<UsageReport> {
  const instances = await db.instance.findMany({
    where: {
      ...(projectId ? { projectId } : {}),
      launchedAt: { not: null, lt: to },
      OR: [{ terminatedAt: null }, { terminatedAt: { gt: from } }],
    },
    orderBy: { launchedAt: "asc" },
  });
  const lines: UsageLine[] = instances.map((i) => {
    const hours = overlapHours(i.launchedAt!, i.terminatedAt ?? now, from, to);
    return {
      instanceId: i.id,
      name: i.name,
      projectId: i.projectId,
      flavorName: i.flavorName,
      vcpus: i.vcpus,
      ramMiB: i.ramMiB,
      hours: round(hours),
      vcpuHours: round(hours * i.vcpus),
      ramGiBHours: round((hours * i.ramMiB) / 1024),
      state: i.vmState,
    };
  });
  const sum = (k: "hours" | "vcpuHours" | "ramGiBHours") => round(lines.reduce((n, l) => n + l[k], 0));
  return {
    from,
    to,
    lines,
    byFlavor: [...sumUsageBy(lines, (l) => l.flavorName)].map(([flavorName, sums]) => ({ flavorName, ...sums })),
    totals: { instances: lines.length, hours: sum("hours"), vcpuHours: sum("vcpuHours"), ramGiBHours: sum("ramGiBHours") },
  };
}

export type UsageSums = { instances: number; hours: number; vcpuHours: number; ramGiBHours: number };

/** Lines summed per key (a flavor, a project), in the order the keys first appear. */
export function sumUsageBy(lines: UsageLine[], keyOf: (line: UsageLine) => string): Map<string, UsageSums> {
  const sums = new Map<string, UsageSums>();
  for (const l of lines) {
    const s = sums.get(keyOf(l)) ?? { instances: 0, hours: 0, vcpuHours: 0, ramGiBHours: 0 };
    s.instances += 1;
    s.hours = round(s.hours + l.hours);
    s.vcpuHours = round(s.vcpuHours + l.vcpuHours);
    s.ramGiBHours = round(s.ramGiBHours + l.ramGiBHours);
    sums.set(keyOf(l), s);
  }
  return sums;
}

/** The report as CSV, one line per instance, for download. */
export function usageCsv(report: UsageReport): string {
  const header = "instance_id,name,project_id,flavor,vcpus,ram_mib,hours,vcpu_hours,ram_gib_hours,state";
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = report.lines.map((l) =>
    [l.instanceId, quote(l.name), l.projectId, quote(l.flavorName), l.vcpus, l.ramMiB, l.hours, l.vcpuHours, l.ramGiBHours, l.state].join(","),
  );
  return [header, ...rows].join("\n") + "\n";
}
