import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { InstanceStatusSummary } from "@/components/projects/instance-status-summary";
import { QuotaCharts } from "@/components/projects/quota-charts";
import { UsagePeriodPicker } from "@/components/projects/usage-period-picker";
import { UsageSummarySkeleton } from "@/components/projects/usage-summary";
import { projectPath } from "@/components/shell/project-sections";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";
import { formatCount } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { db } from "@/lib/db/client";
import { requireProjectRole } from "@/lib/identity/page-access";
import { projectOverview } from "@/lib/projects/project-overview";
import { parseUsagePeriod, usagePeriodQuery } from "@/lib/usage/usage-period";
import type { ProjectRouteProps } from "../project-page-props";
import { UsageSection } from "./usage-section";

export const metadata: Metadata = { title: "Overview" };

type OverviewProps = ProjectRouteProps & { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ params, searchParams }: OverviewProps) {
  const { projectId } = await params;
  await requireProjectRole(projectId);
  const query = usagePeriodQuery(await searchParams);
  const parsed = parseUsagePeriod(query);
  const { project, instanceCount, byStatus, quotas } = await projectOverview(db(), projectId);
  const instancesPath = projectPath(projectId, "instances");

  return (
    <>
      <PageHeader
        title={project.name}
        description={project.description || undefined}
        actions={!project.enabled && <Badge tone="warning">Project disabled</Badge>}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Panel title="Quota usage" className="lg:col-span-2">
          <QuotaCharts quotas={quotas} />
        </Panel>
        <Panel
          title="Instances"
          actions={
            <Link href={instancesPath} className="rounded text-sky-800 hover:underline">
              View all<span className="sr-only"> instances</span>
            </Link>
          }
        >
          <p className="mb-3 text-slate-600">
            <span className="text-2xl font-semibold tabular-nums text-slate-900">{formatCount(instanceCount)}</span>{" "}
            {instanceCount === 1 ? "instance" : "instances"} in this project
          </p>
          <InstanceStatusSummary byStatus={byStatus} />
        </Panel>
      </div>
      <Panel
        title="Usage"
        className="mt-4"
        actions={
          parsed.ok && (
            <a
              href={`/api/projects/${projectId}/usage.csv?${new URLSearchParams(parsed.period.query)}`}
              download
              className={buttonClass("secondary", "py-1")}
            >
              Download CSV
            </a>
          )
        }
      >
        <UsagePeriodPicker basePath={projectPath(projectId, "overview")} parsed={parsed} query={query} />
        {parsed.ok && (
          <Suspense key={JSON.stringify(parsed.period.query)} fallback={<UsageSummarySkeleton />}>
            <UsageSection projectId={projectId} period={parsed.period} />
          </Suspense>
        )}
      </Panel>
    </>
  );
}
