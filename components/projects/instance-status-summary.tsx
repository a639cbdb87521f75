import { InstanceStatusBadge, STATUS_ORDER } from "@/components/instances/instance-status-badge";
import { barWidths } from "@/components/ui/chart-math";
import { formatCount } from "@/components/ui/format";
import type { InstanceStatus } from "@/lib/instances/status";

/** How many instances are in each status, as bars compared with the largest group. */
export function InstanceStatusSummary({ byStatus }: { byStatus: Partial<Record<InstanceStatus, number>> }) {
  const present = STATUS_ORDER.filter((status) => byStatus[status]);
  if (present.length === 0) return <p className="text-slate-500">No instances yet.</p>;
  const widths = barWidths(present.map((status) => byStatus[status] ?? 0));
  return (
    <ul aria-label="Instances by status" className="space-y-1.5">
      {present.map((status, index) => (
        <li key={status} className="grid grid-cols-[7.5rem_1fr_3.5rem] items-center gap-2">
          <span>
            <InstanceStatusBadge status={status} />
          </span>
          <span aria-hidden className="h-2 overflow-hidden rounded-full bg-slate-100">
            <span className="block h-full rounded-full bg-slate-400" style={{ width: `${widths[index]}%` }} />
          </span>
          <span className="text-right font-medium tabular-nums text-slate-900">{formatCount(byStatus[status] ?? 0)}</span>
        </li>
      ))}
    </ul>
  );
}
