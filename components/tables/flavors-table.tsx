import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatSize } from "@/components/ui/format";
import type { flavorsForProject } from "@/lib/flavors/list-flavors";

type FlavorRow = Awaited<ReturnType<typeof flavorsForProject>>[number];

const columns: Column<FlavorRow>[] = [
  { header: "Name", cell: (flavor) => flavor.name },
  { header: "vCPUs", cell: (flavor) => flavor.vcpus, numeric: true },
  { header: "RAM", cell: (flavor) => formatSize(flavor.ramMiB, "MiB"), numeric: true },
  { header: "Disk", cell: (flavor) => formatSize(flavor.diskGiB, "GiB"), numeric: true },
  { header: "Swap", cell: (flavor) => (flavor.swapMiB ? formatSize(flavor.swapMiB, "MiB") : "—"), numeric: true },
  { header: "Public", cell: (flavor) => (flavor.isPublic ? "yes" : <span className="whitespace-nowrap">no, shared with this project</span>) },
];

export function FlavorsTable({ flavors }: { flavors: FlavorRow[] }) {
  return (
    <DataTable
      label="Flavors"
      columns={columns}
      rows={flavors}
      empty={<EmptyState title="No flavors available">An administrator has not made any flavor available to this project.</EmptyState>}
    />
  );
}
