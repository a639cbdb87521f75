import type { Metadata } from "next";
import { RefreshWhileBusy } from "@/components/admin/refresh-while-busy";
import { ImagesTable } from "@/components/tables/images/table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { requireAdmin } from "@/lib/identity/page-access";
import { listAllImages } from "@/lib/images/list-all-images";
import { deleteImageAction, updateImageAction } from "./actions";

export const metadata: Metadata = { title: "All images" };

export default async function AdminImagesPage() {
  await requireAdmin();
  const images = await listAllImages(db());
  return (
    <>
      <PageHeader title="All images" description="Every image of every project. Deleting is refused while an image is protected or in use." />
      <RefreshWhileBusy busy={images.some((image) => image.status === "saving" || image.status === "queued")} />
      <ImagesTable
        label="All images"
        images={images}
        scope={{ kind: "admin" }}
        update={updateImageAction}
        remove={deleteImageAction}
        empty={<EmptyState title="No images">Berth loads its seed images at start-up; projects add their own by upload or snapshot.</EmptyState>}
      />
    </>
  );
}
