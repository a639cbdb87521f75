import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatSize } from "@/components/ui/format";
import type { imagesForProject } from "@/lib/images/list-images";

type ImageRow = Awaited<ReturnType<typeof imagesForProject>>[number];

const STATUS_TONE = { active: "success", queued: "info", saving: "info", killed: "danger", deleted: "neutral" } as const;

const columns: Column<ImageRow>[] = [
  { header: "Name", cell: (image) => image.name },
  { header: "Status", cell: (image) => <Badge tone={STATUS_TONE[image.status]}>{image.status}</Badge> },
  { header: "Size", cell: (image) => formatSize(image.sizeBytes), numeric: true },
  { header: "Min RAM", cell: (image) => (image.minRamMiB ? formatSize(image.minRamMiB, "MiB") : "—"), numeric: true },
  { header: "Min disk", cell: (image) => (image.minDiskGiB ? formatSize(image.minDiskGiB, "GiB") : "—"), numeric: true },
  { header: "Visibility", cell: (image) => image.visibility },
  { header: "Protected", cell: (image) => (image.protected ? "yes" : "no") },
];

export function ImagesTable({ images }: { images: ImageRow[] }) {
  return (
    <DataTable
      label="Images"
      columns={columns}
      rows={images}
      empty={<EmptyState title="No images yet">Images this project can use will be listed here.</EmptyState>}
    />
  );
}
