import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { FilterBar, FilterSearch, FilterSelect } from "@/components/admin/filter-bar";
import { RefreshWhileBusy } from "@/components/admin/refresh-while-busy";
import { InstanceStatusBadge } from "@/components/instances/instance-status-badge";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatSize, formatTimestamp } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { isBerthError } from "@/lib/errors";
import { projectChoices } from "@/lib/identity/list-projects";
import { requireAdmin } from "@/lib/identity/page-access";
import { allInstancesQuerySchema, listAllInstances, type AdminInstanceRow, type AllInstancesQuery } from "@/lib/instances/list-all-instances";
import { LISTED_STATUSES } from "@/lib/instances/status-filter";
import { InstanceAdminActions } from "./instance-admin-actions";

export const metadata: Metadata = { title: "All instances" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FILTERS = ["name", "projectId", "hostId", "status"] as const;

function pageHref(query: AllInstancesQuery, cursor?: string): string {
  const params = new URLSearchParams();
  for (const key of FILTERS) if (query[key]) params.set(key, query[key]);
  if (cursor) params.set("cursor", cursor);
  const search = params.toString();
  return `/admin/instances${search ? `?${search}` : ""}`;
}

const columns: Column<AdminInstanceRow>[] = [
  {
    header: "Name",
    cell: (row) => (
      <Link href={`/projects/${row.projectId}/instances/${row.id}`} className="rounded whitespace-nowrap text-sky-800 hover:underline">
        {row.name}
      </Link>
    ),
  },
  {
    header: "Project",
    cell: (row) => (
      <Link href={`/admin/instances?projectId=${row.projectId}`} className="rounded whitespace-nowrap hover:underline">
        {row.projectName}
      </Link>
    ),
  },
  {
    header: "Host",
    cell: (row) =>
      row.hostId ? (
        <span className="whitespace-nowrap">
          <Link href={`/admin/hosts/${row.hostId}`} className="rounded hover:underline">
            {row.hostName}
          </Link>
          {row.hostStatus === "down" && (
            <span className="ml-1.5">
              <Badge tone="danger">down</Badge>
            </span>
          )}
        </span>
      ) : (
        <span className="text-slate-500">not placed</span>
      ),
  },
  {
    header: "Status",
    cell: (row) => (
      <>
        <span className="inline-flex flex-wrap gap-1">
          <InstanceStatusBadge status={row.status} />
          {row.locked && <Badge title={row.lockedReason ?? undefined}>locked</Badge>}
        </span>
        {row.task && <div className="mt-0.5 text-xs text-slate-500">{row.task}</div>}
        {row.fault && <div className="mt-0.5 max-w-64 min-w-40 text-xs break-words text-red-700">{row.fault}</div>}
      </>
    ),
  },
  { header: "Image", cell: (row) => row.imageName ?? <span className="text-slate-500">deleted image</span> },
  {
    header: "Flavor",
    cell: (row) => (
      <span className="whitespace-nowrap">
        {row.flavor.name}
        <span className="ml-1.5 text-xs text-slate-500">
          {row.flavor.vcpus} vCPU · {formatSize(row.flavor.ramMiB, "MiB")}
        </span>
      </span>
    ),
  },
  { header: "Created", cell: (row) => <span className="whitespace-nowrap text-xs">{formatTimestamp(row.createdAt)}</span> },
  {
    header: "Actions",
    headerHidden: true,
    cell: (row) => <InstanceAdminActions target={{ id: row.id, name: row.name, hostName: row.hostName, actions: row.actions }} />,
  },
];

export default async function AllInstancesPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = allInstancesQuerySchema.parse(raw);
  const [page, projects, hosts] = await Promise.all([
    // A page link made for another order or filter starts again from the first page.
    listAllInstances(db(), query).catch((error) => (isBerthError(error) && error.fields?.cursor ? redirect(pageHref(query)) : Promise.reject(error))),
    projectChoices(db()),
    db().host.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const filtered = FILTERS.some((key) => query[key]);

  return (
    <>
      <PageHeader title="All instances" description="Every instance of every project, newest first." />
      <FilterBar action="/admin/instances" label="Filter instances" active={filtered}>
        <FilterSearch name="name" label="Name" value={query.name} placeholder="contains…" />
        <FilterSelect name="projectId" label="Project" value={query.projectId} anyLabel="All projects" options={projects.map((p) => ({ value: p.id, label: p.name }))} />
        <FilterSelect name="hostId" label="Host" value={query.hostId} anyLabel="All hosts" options={hosts.map((h) => ({ value: h.id, label: h.name }))} />
        <FilterSelect name="status" label="Status" value={query.status} anyLabel="Any status" options={LISTED_STATUSES.map((s) => ({ value: s, label: s }))} />
      </FilterBar>
      <DataTable
        label="All instances"
        columns={columns}
        rows={page.rows}
        empty={
          <EmptyState title={filtered ? "No instance matches these filters" : "No instances yet"}>
            {filtered ? "Clear the filters to see every instance." : "Instances appear here as soon as any project launches one."}
          </EmptyState>
        }
      />
      {(query.cursor || page.nextCursor) && (
        <nav aria-label="Pages" className="mt-3 flex gap-2">
          {query.cursor && (
            <Link href={pageHref(query)} className={buttonClass("secondary")}>
              ← First page
            </Link>
          )}
          {page.nextCursor && (
            <Link href={pageHref(query, page.nextCursor)} className={buttonClass("secondary")}>
              Next page →
            </Link>
          )}
        </nav>
      )}
      <RefreshWhileBusy busy={page.rows.some((row) => row.task !== null || row.status === "BUILD")} />
    </>
  );
}
