import type { Metadata } from "next";
import { RefreshWhileBusy } from "@/components/admin/refresh-while-busy";
import { UploadImage } from "@/components/images/upload-image";
import { ImagesTable } from "@/components/tables/images/table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { requireProjectRole } from "@/lib/identity/page-access";
import { can } from "@/lib/identity/permissions";
import { imagesForProject } from "@/lib/images/list-images";
import type { ProjectRouteProps } from "../project-page-props";
import { deleteOwnImage, updateOwnImage } from "./actions";

export const metadata: Metadata = { title: "Images" };

export default async function ImagesPage({ params }: ProjectRouteProps) {
  const { projectId } = await params;
  const { role } = await requireProjectRole(projectId);
  const images = await imagesForProject(db(), projectId);
  const canUpload = can(role, "image:upload");

  return (
    <>
      <PageHeader
        title="Images"
        description="Public images, this project's own (uploads and snapshots), and those shared with it."
        actions={canUpload && <UploadImage projectId={projectId} />}
      />
      {/* Uploads and snapshots are stored by the server on its own time: follow them until they settle. */}
      <RefreshWhileBusy busy={images.some((image) => image.status === "saving" || image.status === "queued")} />
      <ImagesTable
        label="Images"
        images={images}
        scope={{ kind: "project", projectId, canLaunch: can(role, "instance:launch") }}
        update={can(role, "image:update") ? updateOwnImage.bind(null, projectId) : undefined}
        remove={can(role, "image:delete") ? deleteOwnImage.bind(null, projectId) : undefined}
        empty={
          <EmptyState title="No images yet">
            {canUpload ? "Upload a docker save archive (Upload image, above), or snapshot an instance." : "Images this project can use will be listed here."}
          </EmptyState>
        }
      />
    </>
  );
}
