import type { Metadata } from "next";
import { ImagesTable } from "@/components/tables/images-table";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { requireProjectRole } from "@/lib/identity/page-access";
import { can } from "@/lib/identity/permissions";
import { imagesForProject } from "@/lib/images/list-images";
import type { ProjectRouteProps } from "../project-page-props";

export const metadata: Metadata = { title: "Images" };

export default async function ImagesPage({ params }: ProjectRouteProps) {
  const { projectId } = await params;
  const { role } = await requireProjectRole(projectId);
  const images = await imagesForProject(db(), projectId);

  return (
    <>
      <PageHeader title="Images" description="Public images, this project's own, and those shared with it." />
      <ImagesTable images={images} projectId={projectId} canLaunch={can(role, "instance:launch")} />
    </>
  );
}
