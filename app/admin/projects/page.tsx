import type { Metadata } from "next";
import Link from "next/link";
import { TwoColumns } from "@/components/admin/two-columns";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { db } from "@/lib/db/client";
import { listProjects, type AdminProject } from "@/lib/identity/list-projects";
import { requireAdmin } from "@/lib/identity/page-access";
import { CreateProjectForm } from "./create-project-form";

export const metadata: Metadata = { title: "Projects" };

const columns: Column<AdminProject>[] = [
  {
    header: "Name",
    cell: (p) => (
      <>
        <Link href={`/admin/projects/${p.id}`} className="rounded text-sky-800 hover:underline">
          {p.name}
        </Link>
        {p.description && <div className="max-w-72 text-xs font-normal break-words text-slate-500">{p.description}</div>}
      </>
    ),
  },
  { header: "State", cell: (p) => (p.enabled ? "enabled" : <Badge tone="warning">disabled</Badge>) },
  { header: "Members", cell: (p) => formatCount(p.memberCount), numeric: true },
  {
    header: "Instances",
    numeric: true,
    cell: (p) => (
      <Link href={`/admin/instances?projectId=${p.id}`} className="rounded hover:underline">
        {formatCount(p.instanceCount)}
      </Link>
    ),
  },
  {
    header: "Quotas",
    cell: (p) => (
      <Link href={`/admin/quotas/${p.id}`} className="rounded text-sky-800 hover:underline">
        Quotas<span className="sr-only"> of {p.name}</span>
      </Link>
    ),
  },
];

export default async function AdminProjectsPage() {
  await requireAdmin();
  const projects = await listProjects(db());
  return (
    <>
      <PageHeader title="Projects" description="Who owns what: each project has its members, quotas, images and instances." />
      <TwoColumns
        main={<DataTable label="Projects" columns={columns} rows={projects} empty={<EmptyState title="No projects yet">Create the first one.</EmptyState>} />}
        aside={
          <Panel title="Create project">
            <CreateProjectForm />
          </Panel>
        }
      />
    </>
  );
}
