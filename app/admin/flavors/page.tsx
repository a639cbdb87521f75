import type { Metadata } from "next";
import { TwoColumns } from "@/components/admin/two-columns";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatSize } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { db } from "@/lib/db/client";
import { listAllFlavors, type AdminFlavor } from "@/lib/flavors/list-all-flavors";
import { projectChoices } from "@/lib/identity/list-projects";
import { requireAdmin } from "@/lib/identity/page-access";
import { CreateFlavorForm } from "./create-flavor-form";
import { DeleteFlavor } from "./delete-flavor";

export const metadata: Metadata = { title: "Flavors" };

const columns: Column<AdminFlavor>[] = [
  { header: "Name", cell: (f) => f.name },
  { header: "vCPUs", cell: (f) => f.vcpus, numeric: true },
  { header: "RAM", cell: (f) => formatSize(f.ramMiB, "MiB"), numeric: true },
  { header: "Disk", cell: (f) => formatSize(f.diskGiB, "GiB"), numeric: true },
  { header: "Swap", cell: (f) => (f.swapMiB ? formatSize(f.swapMiB, "MiB") : "—"), numeric: true },
  {
    header: "Access",
    cell: (f) =>
      f.isPublic ? (
        "public"
      ) : (
        <>
          <Badge tone="info">private</Badge>
          <div className="mt-0.5 max-w-56 text-xs break-words text-slate-600">
            {f.access.length ? f.access.map((a) => a.project.name).join(", ") : "no project"}
          </div>
        </>
      ),
  },
  {
    header: "Extra specs",
    cell: (f) => {
      const specs = Object.entries((f.extraSpecs ?? {}) as Record<string, number>);
      return specs.length ? (
        <span className="font-mono text-xs">{specs.map(([k, v]) => `${k}=${v}`).join(" ")}</span>
      ) : (
        <span className="text-slate-500">—</span>
      );
    },
  },
  { header: "Delete", headerHidden: true, cell: (f) => <DeleteFlavor flavorId={f.id} name={f.name} /> },
];

export default async function AdminFlavorsPage() {
  await requireAdmin();
  const [flavors, projects] = await Promise.all([listAllFlavors(db()), projectChoices(db())]);

  return (
    <>
      <PageHeader
        title="Flavors"
        description="The sizes instances launch with. Flavors are created and deleted, never edited: every instance keeps its own copy."
      />
      <TwoColumns
        main={
          <DataTable
            label="All flavors"
            columns={columns}
            rows={flavors}
            empty={<EmptyState title="No flavors">Create one: no project can launch anything without a flavor.</EmptyState>}
          />
        }
        aside={
          <Panel title="Create flavor">
            <CreateFlavorForm projects={projects} />
          </Panel>
        }
      />
    </>
  );
}
