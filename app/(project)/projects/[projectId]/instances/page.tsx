import type { Metadata } from "next";
import { InstancesTable } from "@/components/tables/instances-table";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { requireProjectRole } from "@/lib/identity/page-access";
import { can } from "@/lib/identity/permissions";
import { instancesForProject } from "@/lib/instances/list-instances";
import type { ProjectRouteProps } from "../project-page-props";

export const metadata: Metadata = { title: "Instances" };

export default async function InstancesPage({ params }: ProjectRouteProps) {
  const { projectId } = await params;
  const { role } = await requireProjectRole(projectId);
  const instances = await instancesForProject(db(), projectId);

  return (
    <>
      <PageHeader title="Instances" description="This project's containers, whatever their state." />
      <InstancesTable instances={instances} showHost={can(role, "host:manage")} now={new Date()} />
    </>
  );
}
