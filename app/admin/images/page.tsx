import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount, formatSize } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { requireAdmin } from "@/lib/identity/page-access";
import { listAllImages, type AdminImage } from "@/lib/images/list-all-images";
import { ImageRowActions } from "./image-row-actions";

export const metadata: Metadata = { title: "All images" };

const VISIBILITY_TONE = { public: "info", shared: "neutral", private: "neutral" } as const;

const columns: Column<AdminImage>[] = [
  { header: "Name", cell: (image) => image.name },
  { header: "Owner", cell: (image) => image.owner?.name ?? <span className="text-slate-500">the cloud</span> },
  { header: "Status", cell: (image) => <Badge tone={image.status === "active" ? "success" : image.status === "killed" ? "danger" : "neutral"}>{image.status}</Badge> },
  {
    header: "Visibility",
    cell: (image) => (
      <span className="inline-flex flex-wrap gap-1">
        <Badge tone={VISIBILITY_TONE[image.visibility]}>{image.visibility}</Badge>
        {image.protected && <Badge tone="warning">protected</Badge>}
      </span>
    ),
  },
  { header: "Min RAM", cell: (image) => (image.minRamMiB ? formatSize(image.minRamMiB, "MiB") : "—"), numeric: true },
  { header: "Min disk", cell: (image) => (image.minDiskGiB ? formatSize(image.minDiskGiB, "GiB") : "—"), numeric: true },
  { header: "Size", cell: (image) => formatSize(image.sizeBytes), numeric: true },
  { header: "In use by", cell: (image) => formatCount(image.instanceCount), numeric: true },
  {
    header: "Actions",
    headerHidden: true,
    cell: (image) => (
      <ImageRowActions
        image={{ id: image.id, name: image.name, visibility: image.visibility, protected: image.protected, minRamMiB: image.minRamMiB, minDiskGiB: image.minDiskGiB }}
      />
    ),
  },
];

export default async function AdminImagesPage() {
  await requireAdmin();
  const images = await listAllImages(db());
  return (
    <>
      <PageHeader title="All images" description="Every image of every project. Deleting is refused while an image is protected or in use." />
      <DataTable
        label="All images"
        columns={columns}
        rows={images}
        empty={<EmptyState title="No images">Berth loads its seed images at start-up; projects add their own by upload or snapshot.</EmptyState>}
      />
    </>
  );
}
