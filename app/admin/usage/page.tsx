import type { Metadata } from "next";
import Link from "next/link";
import { UsagePeriodPicker } from "@/components/projects/usage-period-picker";
import { buttonClass } from "@/components/ui/button-class";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount, formatFixed } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { db } from "@/lib/db/client";
import { projectChoices } from "@/lib/identity/list-projects";
import { requireAdmin } from "@/lib/identity/page-access";
import { usageByProject, type ProjectUsage } from "@/lib/usage/usage-by-project";
import { parseUsagePeriod, usagePeriodQuery } from "@/lib/usage/usage-period";
import { usageReport, type UsageReport } from "@/lib/usage/usage-report";

export const metadata: Metadata = { title: "Usage" };

type Totals = { instances: number; hours: number; vcpuHours: number; ramGiBHours: number };

/** The three figures every usage table shows, in the same order, with a totals footer. */
function figureColumns<Row extends Totals>(): Column<Row>[] {
  return [
    { header: "Instances", cell: (row) => formatCount(row.instances), numeric: true },
    { header: "Hours", cell: (row) => formatFixed(row.hours), numeric: true },
    { header: "vCPU-hours", cell: (row) => formatFixed(row.vcpuHours), numeric: true },
    { header: "RAM GiB-hours", cell: (row) => formatFixed(row.ramGiBHours), numeric: true },
  ];
}

function totalsFooter(totals: Totals) {
  return [
    "Total",
    formatCount(totals.instances),
    formatFixed(totals.hours),
    formatFixed(totals.vcpuHours),
    formatFixed(totals.ramGiBHours),
  ];
}

function UsageTables({ report, names }: { report: UsageReport; names: Map<string, string> }) {
  const byProject = usageByProject(report.lines).map((p) => ({ ...p, id: p.projectId }));
  const byFlavor = report.byFlavor.map((f) => ({ ...f, id: f.flavorName }));
  const empty = <EmptyState title="No usage in this period">No instance of any project ran during it.</EmptyState>;
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <Panel title="By project">
        <DataTable
          label="Usage by project"
          columns={[
            {
              header: "Project",
              cell: (row: ProjectUsage) => (
                <Link href={`/admin/instances?projectId=${row.projectId}`} className="rounded text-sky-800 hover:underline">
                  {names.get(row.projectId) ?? row.projectId}
                </Link>
              ),
            },
            ...figureColumns<ProjectUsage & { id: string }>(),
          ]}
          rows={byProject}
          footer={totalsFooter(report.totals)}
          empty={empty}
        />
      </Panel>
      <Panel title="By flavor">
        <DataTable
          label="Usage by flavor"
          columns={[{ header: "Flavor", cell: (row: { flavorName: string }) => row.flavorName }, ...figureColumns<(typeof byFlavor)[number]>()]}
          rows={byFlavor}
          footer={totalsFooter(report.totals)}
          empty={empty}
        />
      </Panel>
    </div>
  );
}

export default async function AdminUsagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const query = usagePeriodQuery(await searchParams);
  const parsed = parseUsagePeriod(query);
  const [report, projects] = await Promise.all([
    parsed.ok ? usageReport(db(), null, parsed.period.from, parsed.period.to) : null,
    projectChoices(db()),
  ]);
  const csvHref = parsed.ok ? `/api/admin/usage.csv?${new URLSearchParams(parsed.period.query)}` : null;

  return (
    <>
      <PageHeader
        title="Usage"
        description="Instance-, vCPU- and RAM GiB-hours across every project, as Nova counts them: from launch until deletion, at the flavor's size."
        actions={
          csvHref && (
            <a href={csvHref} download className={buttonClass("secondary")}>
              Download CSV
            </a>
          )
        }
      />
      <UsagePeriodPicker basePath="/admin/usage" parsed={parsed} query={query} />
      {report && <UsageTables report={report} names={new Map(projects.map((p) => [p.id, p.name]))} />}
    </>
  );
}
