import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/admin/back-link";
import { TwoColumns } from "@/components/admin/two-columns";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/identity/access";
import { requireAdmin } from "@/lib/identity/page-access";
import { projectMembers, type ProjectMember } from "@/lib/identity/project-members";
import { AddMemberForm, MemberControls } from "./members";
import { ProjectEnabled, RenameProjectForm } from "./project-settings";

export const metadata: Metadata = { title: "Project" };

export default async function AdminProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  await requireAdmin();
  const { projectId } = await params;
  const found = isUuid(projectId) ? await projectMembers(db(), projectId) : null;
  if (!found) notFound();
  const { project, members, candidates } = found;

  const columns: Column<ProjectMember>[] = [
    {
      header: "User",
      cell: (m) => (
        <>
          {m.username}
          {m.displayName && <div className="text-xs font-normal text-slate-500">{m.displayName}</div>}
        </>
      ),
    },
    {
      header: "Account",
      cell: (m) => (
        <span className="inline-flex gap-1">
          {m.isAdmin && <Badge tone="info">admin</Badge>}
          {m.enabled ? "enabled" : <Badge tone="warning">disabled</Badge>}
        </span>
      ),
    },
    { header: "Role", cell: (m) => <MemberControls projectId={project.id} user={{ id: m.id, username: m.username }} role={m.role} /> },
  ];

  return (
    <>
      <BackLink href="/admin/projects">Projects</BackLink>
      <PageHeader
        title={project.name}
        description={project.description || undefined}
        actions={
          <>
            {!project.enabled && <Badge tone="warning">disabled</Badge>}
            <Link href={`/admin/quotas/${project.id}`} className="rounded text-sky-800 hover:underline">
              Quotas
            </Link>
            <Link href={`/admin/instances?projectId=${project.id}`} className="rounded text-sky-800 hover:underline">
              Instances
            </Link>
          </>
        }
      />
      <TwoColumns
        main={
          <Panel title="Members">
            <DataTable
              label="Members"
              columns={columns}
              rows={members}
              empty={<EmptyState title="No members">Admins see every project; add users so they can use it too.</EmptyState>}
            />
          </Panel>
        }
        aside={
          <>
            <Panel title="Add member">
              <AddMemberForm projectId={project.id} candidates={candidates} />
            </Panel>
            <Panel title="Name">
              <RenameProjectForm projectId={project.id} name={project.name} />
            </Panel>
            <Panel title="Launching">
              <ProjectEnabled projectId={project.id} name={project.name} enabled={project.enabled} />
            </Panel>
          </>
        }
      />
    </>
  );
}
