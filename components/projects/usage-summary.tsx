import type { ReactNode } from "react";
import { formatCount, formatFixed } from "@/components/ui/format";
import { Skeleton, TableSkeleton } from "@/components/ui/skeleton";
import { UsageTable } from "@/components/tables/usage-table";
import type { UsageReport } from "@/lib/usage/usage-report";

const TOTALS = [
  { key: "instances", label: "Instances", format: formatCount },
  { key: "hours", label: "Instance-hours", format: formatFixed },
  { key: "vcpuHours", label: "vCPU-hours", format: formatFixed },
  { key: "ramGiBHours", label: "RAM GiB-hours", format: formatFixed },
] as const;

function Totals({ value }: { value: (total: (typeof TOTALS)[number]) => ReactNode }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {TOTALS.map((total) => (
        <div key={total.key} className="rounded-md border border-slate-200 px-3 py-2">
          <dt className="text-xs text-slate-500">{total.label}</dt>
          <dd className="h-7 text-lg font-semibold tabular-nums text-slate-900">{value(total)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The period's totals, then each instance's share. */
export function UsageSummary({ report, projectId }: { report: UsageReport; projectId: string }) {
  return (
    <div className="space-y-3">
      <Totals value={(total) => total.format(report.totals[total.key])} />
      <UsageTable report={report} projectId={projectId} />
    </div>
  );
}

/** The summary's shape while the report is computed, so nothing moves when it arrives. */
export function UsageSummarySkeleton() {
  return (
    <div role="status" className="space-y-3">
      <span className="sr-only">Loading usage…</span>
      <Totals value={() => <Skeleton className="mt-1 h-5 w-20" />} />
      <TableSkeleton rows={3} />
    </div>
  );
}
