import { InstanceStatusBadge } from "@/components/instances/instance-status-badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatSize } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import type { InstanceListItem } from "@/lib/instances/list-instances";
import { instanceStatus } from "@/lib/instances/status";

export function InstancesTable({ instances, showHost, now }: { instances: InstanceListItem[]; showHost: boolean; now: Date }) {
  const columns: Column<InstanceListItem>[] = [
    { header: "Name", cell: (instance) => instance.name },
    { header: "Image", cell: (instance) => instance.image?.name ?? <span className="text-slate-500">deleted image</span> },
    {
      header: "Flavor",
      cell: (instance) => (
        <>
          {instance.flavorName}
          <span className="ml-1.5 text-xs text-slate-500">
            {instance.vcpus} vCPU · {formatSize(instance.ramMiB, "MiB")} · {instance.diskGiB} GiB
          </span>
        </>
      ),
    },
    { header: "Status", cell: (instance) => <InstanceStatusBadge status={instanceStatus(instance)} /> },
    ...(showHost
      ? [{ header: "Host", cell: (instance: InstanceListItem) => instance.host?.name ?? <span className="text-slate-500">not placed</span> }]
      : []),
    { header: "Age", cell: (instance) => <RelativeTime date={instance.createdAt} now={now} />, numeric: true },
  ];
  return (
    <DataTable
      label="Instances"
      columns={columns}
      rows={instances}
      empty={<EmptyState title="No instances yet">Instances launched in this project will be listed here.</EmptyState>}
    />
  );
}
