import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/admin/back-link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/identity/access";
import { requireAdmin } from "@/lib/identity/page-access";
import { quotaUsage } from "@/lib/quotas/quotas";
import { QuotaLimitsForm } from "../quota-limits-form";

export const metadata: Metadata = { title: "Project quotas" };

export default async function ProjectQuotasPage({ params }: { params: Promise<{ projectId: string }> }) {
  await requireAdmin();
  const { projectId } = await params;
  const project = isUuid(projectId) ? await db().project.findUnique({ where: { id: projectId } }) : null;
  if (!project) notFound();
  const usage = await quotaUsage(db(), projectId);

  return (
    <>
      <BackLink href="/admin/quotas">Quotas</BackLink>
      <PageHeader
        title={`Quotas of ${project.name}`}
        description="A limit below what the project already uses is refused. Instances that fit keep running whatever the limits."
        actions={!project.enabled && <Badge tone="warning">Project disabled</Badge>}
      />
      <Panel title="Limits and usage" className="max-w-2xl">
        <QuotaLimitsForm projectId={project.id} rows={usage} />
      </Panel>
    </>
  );
}
