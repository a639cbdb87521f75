import "server-only";
import type { Db } from "@/lib/db/client";
import { usageReport, type UsageLine } from "@/lib/usage/usage-report";
import { isAdmin, requirePermission, type ComputeContext } from "../access";
import { isoMicros, json, parseTime, type ApiRequest } from "../http";
import { BerthError } from "@/lib/errors";
import { isUuid } from "@/lib/identity/access";

/** Nova's period: `start` and `end` as ISO times without zone (UTC); either missing means now. */
function periodOf(api: ApiRequest, now: Date) {
  const start = api.query.get("start");
  const end = api.query.get("end");
  const from = start ? parseTime(start, "start") : now;
  const to = end ? parseTime(end, "end") : now;
  if (from > to) throw new BerthError("INVALID_INPUT", "Invalid start time. The start time cannot occur after the end time.");
  return { from, to };
}

type Extra = { diskGiB: number; launchedAt: Date | null; terminatedAt: Date | null };

/** A project's usage as Nova's simple tenant usage counts it, from Berth's usage report. */
function tenantUsage(projectId: string, lines: UsageLine[], extra: Map<string, Extra>, from: Date, to: Date, now: Date, detailed: boolean) {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const gbHours = (l: UsageLine) => l.hours * (extra.get(l.instanceId)?.diskGiB ?? 0);
  return {
    tenant_id: projectId,
    total_hours: round(lines.reduce((n, l) => n + l.hours, 0)),
    total_vcpus_usage: round(lines.reduce((n, l) => n + l.vcpuHours, 0)),
    total_memory_mb_usage: round(lines.reduce((n, l) => n + l.hours * l.ramMiB, 0)),
    total_local_gb_usage: round(lines.reduce((n, l) => n + gbHours(l), 0)),
    start: isoMicros(from),
    stop: isoMicros(to),
    ...(detailed
      ? {
          server_usages: lines.map((l) => {
            const e = extra.get(l.instanceId);
            const ended = e?.terminatedAt ?? null;
            return {
              instance_id: l.instanceId,
              name: l.name,
              hours: l.hours,
              memory_mb: l.ramMiB,
              local_gb: e?.diskGiB ?? 0,
              vcpus: l.vcpus,
              tenant_id: l.projectId,
              flavor: l.flavorName,
              started_at: isoMicros(e?.launchedAt),
              ended_at: isoMicros(ended),
              state: ended ? "terminated" : l.state,
              uptime: Math.max(0, Math.round(((ended ?? now).getTime() - (e?.launchedAt ?? now).getTime()) / 1000)),
            };
          }),
        }
      : {}),
  };
}

async function extrasOf(db: Db, lines: UsageLine[]): Promise<Map<string, Extra>> {
  const rows = await db.instance.findMany({
    where: { id: { in: lines.map((l) => l.instanceId) } },
    select: { id: true, diskGiB: true, launchedAt: true, terminatedAt: true },
  });
  return new Map(rows.map((r) => [r.id, r]));
}

/** GET /os-simple-tenant-usage: every project's usage, for admins (`openstack usage list`). */
export async function listUsage(api: ApiRequest, { db, caller }: ComputeContext) {
  requirePermission(caller, "usage:view-all");
  const now = new Date();
  const { from, to } = periodOf(api, now);
  const report = await usageReport(db, null, from, to, now);
  const extra = await extrasOf(db, report.lines);
  const detailed = ["1", "true", "True"].includes(api.query.get("detailed") ?? "");
  const projects = [...new Set(report.lines.map((l) => l.projectId))];
  return json({
    tenant_usages: projects.map((p) => tenantUsage(p, report.lines.filter((l) => l.projectId === p), extra, from, to, now, detailed)),
  });
}

/** GET /os-simple-tenant-usage/{project}: one project's usage, for its members (or admins). */
export async function showUsage(api: ApiRequest, { db, caller }: ComputeContext) {
  requirePermission(caller, "project:view");
  const projectId = api.params.projectId;
  if (projectId !== caller.project.id && !(isAdmin(caller) && isUuid(projectId))) throw new BerthError("NOT_FOUND", `Project ${projectId} could not be found.`);
  const now = new Date();
  const { from, to } = periodOf(api, now);
  const report = await usageReport(db, projectId, from, to, now);
  return json({ tenant_usage: report.lines.length ? tenantUsage(projectId, report.lines, await extrasOf(db, report.lines), from, to, now, true) : {} });
}
