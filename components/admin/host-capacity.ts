import { formatSize, formatUsage } from "@/components/ui/format";
import type { HostSummary } from "@/lib/hosts/list-hosts";

const ratioFormat = new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 2 });

export const HOST_RESOURCES = ["vcpus", "ramMiB", "diskGiB"] as const;
export type HostResource = (typeof HOST_RESOURCES)[number];

type HostFigures = Pick<
  HostSummary,
  "cpus" | "memoryMiB" | "diskGiB" | "reservedCpus" | "reservedMemoryMiB" | "reservedDiskGiB" | "cpuAllocationRatio" | "ramAllocationRatio" | "diskAllocationRatio"
>;

/** How each allocated resource reads, and where its capacity comes from: (physical − reserved) × ratio. */
export const HOST_RESOURCE_INFO: Record<
  HostResource,
  { label: string; unit: string; physical: (h: HostFigures) => string; reserved: (h: HostFigures) => string | null; ratio: (h: HostFigures) => number }
> = {
  vcpus: {
    label: "vCPUs",
    unit: "",
    physical: (h) => `${h.cpus} CPUs`,
    reserved: (h) => (h.reservedCpus ? `${h.reservedCpus}` : null),
    ratio: (h) => h.cpuAllocationRatio,
  },
  ramMiB: {
    label: "RAM",
    unit: "MiB",
    physical: (h) => formatSize(h.memoryMiB, "MiB"),
    reserved: (h) => (h.reservedMemoryMiB ? formatSize(h.reservedMemoryMiB, "MiB") : null),
    ratio: (h) => h.ramAllocationRatio,
  },
  diskGiB: {
    label: "Disk",
    unit: "GiB",
    physical: (h) => formatSize(h.diskGiB, "GiB"),
    reserved: (h) => (h.reservedDiskGiB ? formatSize(h.reservedDiskGiB, "GiB") : null),
    ratio: (h) => h.diskAllocationRatio,
  },
};

/** "2 CPUs − 1 × 4.0": the sum behind a host's capacity for one resource. */
export function capacityFormula(host: HostFigures, resource: HostResource): string {
  const info = HOST_RESOURCE_INFO[resource];
  const reserved = info.reserved(host);
  return `${info.physical(host)}${reserved ? ` − ${reserved}` : ""} × ${ratioFormat.format(info.ratio(host))}`;
}

/** "3 / 8" or "0.5 / 4 GiB": allocated of capacity. */
export function allocationText(host: Pick<HostSummary, "used" | "capacity">, resource: HostResource): string {
  return formatUsage(host.used[resource], host.capacity[resource], HOST_RESOURCE_INFO[resource].unit);
}
