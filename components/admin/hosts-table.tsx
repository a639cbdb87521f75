import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { Meter } from "@/components/ui/meter";
import { RelativeTime } from "@/components/ui/relative-time";
import type { HostSummary } from "@/lib/hosts/list-hosts";
import { allocationText, capacityFormula, HOST_RESOURCE_INFO, type HostResource } from "./host-capacity";

/** Used of capacity with its bar, and the sum behind the capacity. */
function allocationColumn(resource: HostResource): Column<HostSummary> {
  const { label } = HOST_RESOURCE_INFO[resource];
  return {
    header: label,
    cell: (host) => {
      const text = allocationText(host, resource);
      return (
        <div className="min-w-28">
          <div className="tabular-nums">{text}</div>
          <Meter label={`${label} allocated on ${host.name}`} value={host.used[resource]} max={host.capacity[resource]} valueText={text} />
          <div className="mt-0.5 text-xs whitespace-nowrap text-slate-500">{capacityFormula(host, resource)}</div>
        </div>
      );
    },
  };
}

export function HostStatusBadge({ host }: { host: Pick<HostSummary, "status"> }) {
  return <Badge tone={host.status === "up" ? "success" : "danger"}>{host.status}</Badge>;
}

export function HostsTable({ hosts, now }: { hosts: HostSummary[]; now: Date }) {
  const columns: Column<HostSummary>[] = [
    {
      header: "Name",
      cell: (host) => (
        <>
          <Link href={`/admin/hosts/${host.id}`} className="rounded text-sky-800 hover:underline">
            {host.name}
          </Link>
          <div className="font-mono text-xs font-normal whitespace-nowrap text-slate-500">{host.endpoint}</div>
          <div className="text-xs font-normal text-slate-500">
            Docker {host.dockerVersion ?? "version unknown"}
            {host.operatingSystem && ` · ${host.operatingSystem}`}
          </div>
        </>
      ),
    },
    {
      header: "Status",
      cell: (host) => (
        <>
          <HostStatusBadge host={host} />
          {host.status === "down" && host.lastError && <div className="mt-1 max-w-64 text-xs break-words text-red-700">{host.lastError}</div>}
        </>
      ),
    },
    {
      header: "Enabled",
      cell: (host) =>
        host.enabled ? (
          "yes"
        ) : (
          <>
            <Badge tone="warning">disabled</Badge>
            {host.disabledReason && <div className="mt-1 max-w-48 text-xs break-words text-slate-500">{host.disabledReason}</div>}
          </>
        ),
    },
    { header: "Zone", cell: (host) => host.availabilityZone },
    allocationColumn("vcpus"),
    allocationColumn("ramMiB"),
    allocationColumn("diskGiB"),
    {
      header: "Instances",
      numeric: true,
      cell: (host) =>
        host.instanceCount ? (
          <Link href={`/admin/instances?hostId=${host.id}`} className="rounded text-sky-800 hover:underline">
            {formatCount(host.instanceCount)}
          </Link>
        ) : (
          "0"
        ),
    },
    { header: "Heartbeat", cell: (host) => <RelativeTime date={host.lastHeartbeatAt} now={now} suffix=" ago" /> },
  ];
  return (
    <DataTable
      label="Hosts"
      columns={columns}
      rows={hosts}
      empty={
        <EmptyState title="No hosts yet">
          Berth registers this machine&apos;s Docker engine as host local when one answers at start-up; add others with{" "}
          <Link href="/admin/hosts/new" className="text-sky-800 underline">
            Add host
          </Link>
          .
        </EmptyState>
      }
    />
  );
}
