import Link from "next/link";
import { projectPath } from "@/components/shell/project-sections";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatSize } from "@/components/ui/format";
import type { imagesForProject } from "@/lib/images/list-images";

type ImageRow = Awaited<ReturnType<typeof imagesForProject>>[number];

const STATUS_TONE = { active: "success", queued: "info", saving: "info", killed: "danger", deleted: "neutral" } as const;

/** A property set at upload or by the seed; anything else stored there is not shown as one. */
function property(image: ImageRow, key: "kind" | "description"): string | null {
  const properties = image.properties;
  const value = properties && typeof properties === "object" && !Array.isArray(properties) ? properties[key] : null;
  return typeof value === "string" && value ? value : null;
}

/** Where "Launch" leads: the instance list with the launch wizard open on this image. */
export function launchFromImagePath(projectId: string, imageId: string): string {
  return `${projectPath(projectId, "instances")}?${new URLSearchParams({ launch: "1", imageId })}`;
}

export function ImagesTable({ images, projectId, canLaunch }: { images: ImageRow[]; projectId: string; canLaunch: boolean }) {
  const columns: Column<ImageRow>[] = [
    {
      header: "Name",
      cell: (image) => (
        <>
          {image.name}
          {property(image, "description") && (
            <span className="hidden max-w-md text-xs font-normal text-slate-500 sm:block">{property(image, "description")}</span>
          )}
        </>
      ),
    },
    { header: "Status", cell: (image) => <Badge tone={STATUS_TONE[image.status]}>{image.status}</Badge> },
    { header: "Kind", cell: (image) => property(image, "kind") ?? <span className="text-slate-500">—</span> },
    { header: "Size", showFrom: "sm", cell: (image) => formatSize(image.sizeBytes), numeric: true },
    { header: "Min RAM", showFrom: "md", cell: (image) => (image.minRamMiB ? formatSize(image.minRamMiB, "MiB") : "—"), numeric: true },
    { header: "Min disk", showFrom: "md", cell: (image) => (image.minDiskGiB ? formatSize(image.minDiskGiB, "GiB") : "—"), numeric: true },
    { header: "Visibility", showFrom: "md", cell: (image) => image.visibility },
    { header: "Protected", showFrom: "md", cell: (image) => (image.protected ? "yes" : "no") },
  ];
  if (canLaunch) {
    columns.push({
      header: "Launch",
      headerHidden: true,
      cell: (image) =>
        image.status === "active" && (
          <Link href={launchFromImagePath(projectId, image.id)} className={buttonClass("secondary", "px-2 py-1 text-xs")}>
            Launch<span className="sr-only"> an instance from {image.name}</span>
          </Link>
        ),
    });
  }
  return (
    <DataTable
      label="Images"
      columns={columns}
      rows={images}
      empty={<EmptyState title="No images yet">Images this project can use will be listed here.</EmptyState>}
    />
  );
}
