import type { Metadata } from "next";
import { FlavorsTable } from "@/components/tables/flavors-table";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { requireProjectRole } from "@/lib/identity/page-access";
import { flavorsForProject } from "@/lib/flavors/list-flavors";
import type { ProjectRouteProps } from "../project-page-props";

export const metadata: Metadata = { title: "Flavors" };

export default async function FlavorsPage({ params }: ProjectRouteProps) {
  const { projectId } = await params;
  await requireProjectRole(projectId);
  const flavors = await flavorsForProject(db(), projectId);

  return (
    <>
      <PageHeader title="Flavors" description="The sizes instances in this project can launch with." />
      <FlavorsTable flavors={flavors} />
    </>
  );
}
