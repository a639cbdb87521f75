import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount, formatSize, formatUsage } from "@/components/ui/format";
import { Meter } from "@/components/ui/meter";
import { RelativeTime } from "@/components/ui/relative-time";
import type { HostSummary } from "@/lib/hosts/list-hosts";

const ratioFormat = new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 2 });

/** How each allocated resource reads, and where its capacity comes from: (physical − reserved) × ratio. */
const ALLOCATED = {
  vcpus: {
    header: "vCPUs",
    unit: "",
    physical: (host: HostSummary) => `${host.cpus} CPUs`,
    reserved: (host: HostSummary) => (host.reservedCpus ? `${host.reservedCpus}` : null),
    ratio: (host: HostSummary) => host.cpuAllocationRatio,
  },
  ramMiB: {
    header: "RAM",
    unit: "MiB",
    physical: (host: HostSummary) => formatSize(host.memoryMiB, "MiB"),
    reserved: (host: HostSummary) => (host.reservedMemoryMiB ? formatSize(host.reservedMemoryMiB, "MiB") : null),
    ratio: (host: HostSummary) => host.ramAllocationRatio,
  },
} as const;

/** Used of capacity with its bar, and the sum behind the capacity. */
function allocationColumn(resource: keyof typeof ALLOCATED): Column<HostSummary> {
  const { header, unit, physical, reserved, ratio } = ALLOCATED[resource];
  return {
    header,
    cell: (host) => {
      const used = host.used[resource];
      const capacity = host.capacity[resource];
      const text = formatUsage(used, capacity, unit);
      const reservedText = reserved(host);
      return (
        <div className="min-w-28">
          <div className="tabular-nums">{text}</div>
          <Meter label={`${header} allocated on ${host.name}`} value={used} max={capacity} valueText={text} />
          <div className="mt-0.5 text-xs text-slate-500">
            {physical(host)}
            {reservedText && ` − ${reservedText}`} × {ratioFormat.format(ratio(host))}
          </div>
        </div>
      );
    },
  };
}

export function HostsTable({ hosts, now }: { hosts: HostSummary[]; now: Date }) {
  const columns: Column<HostSummary>[] = [
    {
      header: "Name",
      cell: (host) => (
        <>
          {host.name}
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
          <Badge tone={host.status === "up" ? "success" : "danger"}>{host.status}</Badge>
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
            {host.disabledReason && <div className="mt-1 text-xs text-slate-500">{host.disabledReason}</div>}
          </>
        ),
    },
    { header: "Zone", cell: (host) => host.availabilityZone },
    allocationColumn("vcpus"),
    allocationColumn("ramMiB"),
    { header: "Instances", cell: (host) => formatCount(host.instanceCount), numeric: true },
    { header: "Heartbeat", cell: (host) => <RelativeTime date={host.lastHeartbeatAt} now={now} suffix=" ago" /> },
  ];
  return (
    <DataTable
      label="Hosts"
      columns={columns}
      rows={hosts}
      empty={<EmptyState title="No hosts yet">Berth registers this machine&apos;s Docker engine as host local when one answers at start-up.</EmptyState>}
    />
  );
}
