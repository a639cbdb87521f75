import type { Metadata } from "next";
import { InstanceStatusSummary } from "@/components/projects/instance-status-summary";
import { QuotaUsageList } from "@/components/projects/quota-usage-list";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { db } from "@/lib/db/client";
import { requireProjectRole } from "@/lib/identity/page-access";
import { projectOverview } from "@/lib/projects/project-overview";
import type { ProjectRouteProps } from "../project-page-props";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: ProjectRouteProps) {
  const { projectId } = await params;
  await requireProjectRole(projectId);
  const { project, instanceCount, byStatus, quotas } = await projectOverview(db(), projectId);

  return (
    <>
      <PageHeader
        title={project.name}
        description={project.description || undefined}
        actions={!project.enabled && <Badge tone="warning">Project disabled</Badge>}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title="Instances">
          <p className="text-3xl font-semibold tabular-nums text-slate-900">{instanceCount}</p>
          <p className="mb-3 text-slate-600">{instanceCount === 1 ? "instance" : "instances"} in this project</p>
          <InstanceStatusSummary byStatus={byStatus} />
        </Panel>
        <Panel title="Quota usage">
          <QuotaUsageList quotas={quotas} />
        </Panel>
      </div>
    </>
  );
}
