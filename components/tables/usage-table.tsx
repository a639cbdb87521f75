import Link from "next/link";
import { projectPath } from "@/components/shell/project-sections";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount, formatFixed, formatSize } from "@/components/ui/format";
import type { UsageLine, UsageReport } from "@/lib/usage/usage-report";

type UsageRow = UsageLine & { id: string };

/** Beyond this many instances the page shows the first ones and the CSV has them all. */
export const USAGE_ROWS_SHOWN = 100;

export function UsageTable({ report, projectId }: { report: UsageReport; projectId: string }) {
  const rows: UsageRow[] = report.lines.slice(0, USAGE_ROWS_SHOWN).map((line) => ({ ...line, id: line.instanceId }));
  const columns: Column<UsageRow>[] = [
    {
      header: "Instance",
      cell: (line) =>
        line.state === "deleted" ? (
          <>
            {line.name} <span className="font-normal text-slate-500">(deleted)</span>
          </>
        ) : (
          <Link href={`${projectPath(projectId, "instances")}/${line.instanceId}`} className="rounded text-sky-800 hover:underline">
            {line.name}
          </Link>
        ),
    },
    {
      header: "Flavor",
      showFrom: "sm",
      cell: (line) => (
        <span className="whitespace-nowrap">
          {line.flavorName}
          <span className="ml-1.5 text-xs text-slate-500">
            {line.vcpus} vCPU · {formatSize(line.ramMiB, "MiB")}
          </span>
        </span>
      ),
    },
    { header: "Hours", cell: (line) => formatFixed(line.hours), numeric: true },
    { header: "vCPU-hours", cell: (line) => formatFixed(line.vcpuHours), numeric: true },
    { header: "RAM GiB-hours", cell: (line) => formatFixed(line.ramGiBHours), numeric: true },
  ];
  const { totals } = report;
  return (
    <>
      <DataTable
        label="Usage per instance"
        columns={columns}
        rows={rows}
        footer={[
          `Total, ${formatCount(totals.instances)} ${totals.instances === 1 ? "instance" : "instances"}`,
          null,
          formatFixed(totals.hours),
          formatFixed(totals.vcpuHours),
          formatFixed(totals.ramGiBHours),
        ]}
        empty={<EmptyState title="No usage in this period">No instance of this project ran during it.</EmptyState>}
      />
      {report.lines.length > rows.length && (
        <p className="mt-2 text-slate-600">
          Showing the first {formatCount(rows.length)} of {formatCount(report.lines.length)} instances; the total counts them all, and
          the CSV lists each one.
        </p>
      )}
    </>
  );
}
