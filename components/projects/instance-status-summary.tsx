import { InstanceStatusBadge, STATUS_ORDER } from "@/components/instances/instance-status-badge";
import type { InstanceStatus } from "@/lib/instances/status";

export function InstanceStatusSummary({ byStatus }: { byStatus: Partial<Record<InstanceStatus, number>> }) {
  const present = STATUS_ORDER.filter((status) => byStatus[status]);
  if (present.length === 0) return <p className="text-slate-500">No instances yet.</p>;
  return (
    <ul aria-label="Instances by status" className="flex flex-wrap gap-2">
      {present.map((status) => (
        <li key={status} className="flex items-center gap-1.5 rounded-md border border-slate-200 px-2 py-1">
          <InstanceStatusBadge status={status} />
          <span className="tabular-nums font-medium text-slate-900">{byStatus[status]}</span>
        </li>
      ))}
    </ul>
  );
}
