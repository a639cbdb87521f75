import Link from "next/link";
import { ImageRowActions, type DeleteImageCall, type ImageSettings, type UpdateImageCall } from "@/components/images/image-row-actions";
import { projectPath } from "@/components/shell/project-sections";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";
import type { Column } from "@/components/ui/data-table";
import { formatCount, formatSize } from "@/components/ui/format";
import type { Image } from "@/lib/db/generated/client";
import { imageProperties } from "@/lib/images/image-properties";

/** An image as a project lists it; the admin console adds its owner and how many instances use it. */
export type ImageTableRow = Image & { owner?: { name: string } | null; instanceCount?: number };

/** Whose images the table lists: one project's catalogue, or every project's (the admin console). */
export type ImageTableScope = { kind: "project"; projectId: string; canLaunch: boolean } | { kind: "admin" };

export type ImageColumnsOptions = {
  scope: ImageTableScope;
  /** Given when the viewer may change the images the scope lets them manage (a project: its own). */
  update?: UpdateImageCall;
  remove?: DeleteImageCall;
};

const STATUS_TONE = { active: "success", queued: "neutral", saving: "info", killed: "danger", deleted: "neutral" } as const;
const STATUS_NOTE = { queued: "waiting for its data", saving: "being stored…" } as const;
const VISIBILITY_TONE = { public: "info", shared: "neutral", private: "neutral" } as const;

const none = <span className="text-slate-500">—</span>;

/** Where "Launch" leads: the instance list with the launch wizard open on this image. */
export function launchFromImagePath(projectId: string, imageId: string): string {
  return `${projectPath(projectId, "instances")}?${new URLSearchParams({ launch: "1", imageId })}`;
}

function settingsOf(image: ImageTableRow): ImageSettings {
  const { kind, command, archiveCommand } = imageProperties(image.properties);
  const { id, name, visibility, minRamMiB, minDiskGiB } = image;
  return { id, name, visibility, protected: image.protected, minRamMiB, minDiskGiB, kind, command, archiveCommand };
}

function StatusCell({ image }: { image: ImageTableRow }) {
  const note = image.status === "killed" ? imageProperties(image.properties).error : STATUS_NOTE[image.status as keyof typeof STATUS_NOTE];
  return (
    <div className="min-w-20">
      <Badge tone={STATUS_TONE[image.status]}>{image.status}</Badge>
      {note && (
        <p className={image.status === "killed" ? "mt-1 line-clamp-3 w-56 text-xs text-red-800" : "mt-1 text-xs text-slate-500"} title={note}>
          {note}
        </p>
      )}
    </div>
  );
}

export function imageColumns({ scope, update, remove }: ImageColumnsOptions): Column<ImageTableRow>[] {
  const admin = scope.kind === "admin";
  const manages = (image: ImageTableRow) => admin || image.ownerProjectId === scope.projectId;
  const columns: (Column<ImageTableRow> | false)[] = [
    {
      header: "Name",
      cell: (image) => {
        const description = !admin && imageProperties(image.properties).description;
        return (
          <>
            {image.name}
            {description && <span className="hidden max-w-md text-xs font-normal text-slate-500 sm:block">{description}</span>}
          </>
        );
      },
    },
    admin && { header: "Owner", cell: (image) => image.owner?.name ?? <span className="text-slate-500">the cloud</span> },
    { header: "Status", cell: (image) => <StatusCell image={image} /> },
    {
      header: "Visibility",
      showFrom: "sm",
      cell: (image) => (
        <span className="inline-flex flex-wrap gap-1">
          <Badge tone={VISIBILITY_TONE[image.visibility]}>{image.visibility}</Badge>
          {image.protected && <Badge tone="warning">protected</Badge>}
        </span>
      ),
    },
    { header: "Min RAM", showFrom: "md", cell: (image) => (image.minRamMiB ? formatSize(image.minRamMiB, "MiB") : "—"), numeric: true },
    { header: "Min disk", showFrom: "md", cell: (image) => (image.minDiskGiB ? formatSize(image.minDiskGiB, "GiB") : "—"), numeric: true },
    { header: "Size", showFrom: "sm", cell: (image) => formatSize(image.sizeBytes), numeric: true },
    { header: "Kind", showFrom: "md", cell: (image) => imageProperties(image.properties).kind ?? none },
    admin && { header: "In use by", cell: (image) => formatCount(image.instanceCount ?? 0), numeric: true },
    {
      header: "Actions",
      headerHidden: true,
      cell: (image) => (
        <div className="flex flex-wrap items-start justify-end gap-2">
          {scope.kind === "project" && scope.canLaunch && image.status === "active" && (
            <Link href={launchFromImagePath(scope.projectId, image.id)} className={buttonClass("secondary", "px-2 py-1 text-xs")}>
              Launch<span className="sr-only"> an instance from {image.name}</span>
            </Link>
          )}
          {manages(image) && (update || remove) && <ImageRowActions image={settingsOf(image)} update={update} remove={remove} mayPublish={admin} />}
        </div>
      ),
    },
  ];
  return columns.filter((column) => column !== false);
}
