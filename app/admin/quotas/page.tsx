import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatUsage } from "@/components/ui/format";
import { Meter } from "@/components/ui/meter";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { db } from "@/lib/db/client";
import { requireAdmin } from "@/lib/identity/page-access";
import { defaultQuotas, listProjectQuotas, type ProjectQuotas } from "@/lib/quotas/project-quotas";
import { QUOTA_INFO, QUOTA_RESOURCES, type QuotaResource } from "@/lib/quotas/quotas";
import { QuotaLimitsForm } from "./quota-limits-form";

export const metadata: Metadata = { title: "Quotas" };

function usageColumn(resource: QuotaResource): Column<ProjectQuotas> {
  return {
    header: QUOTA_INFO[resource].label,
    cell: (project) => {
      const quota = project.usage.find((q) => q.resource === resource)!;
      const text = formatUsage(quota.used, quota.limit, quota.unit);
      return (
        <div className="min-w-24">
          <div className="tabular-nums whitespace-nowrap">{text}</div>
          <Meter label={`${quota.label} of ${project.name}`} value={quota.used} max={quota.limit} valueText={text} />
        </div>
      );
    },
  };
}

const columns: Column<ProjectQuotas>[] = [
  {
    header: "Project",
    cell: (project) => (
      <>
        <Link href={`/admin/quotas/${project.id}`} className="rounded text-sky-800 hover:underline">
          {project.name}
        </Link>
        <div className="mt-0.5 flex gap-1">
          {project.custom ? <Badge tone="info">own limits</Badge> : <Badge>defaults</Badge>}
          {!project.enabled && <Badge tone="warning">disabled</Badge>}
        </div>
      </>
    ),
  },
  ...QUOTA_RESOURCES.map(usageColumn),
];

export default async function QuotasPage() {
  await requireAdmin();
  const [defaults, projects] = await Promise.all([defaultQuotas(db()), listProjectQuotas(db())]);
  return (
    <>
      <PageHeader title="Quotas" description="What each project may hold at once. Usage is counted from the instances, networks and published ports themselves." />
      {/* Full width: a column per resource does not fit beside the form on a laptop. */}
      <DataTable
        label="Project quotas"
        columns={columns}
        rows={projects}
        empty={<EmptyState title="No projects">Create a project first; its quotas start from the defaults.</EmptyState>}
      />
      <Panel title="Defaults for projects without their own" className="mt-4 max-w-2xl">
        <QuotaLimitsForm rows={QUOTA_RESOURCES.map((resource) => ({ resource, ...QUOTA_INFO[resource], limit: defaults[resource] }))} />
      </Panel>
    </>
  );
}
