import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { afterCursor, encodeCursor, orderByOf } from "./list-cursor";
import { DEFAULT_PAGE_SIZE, LIST_SORTS } from "./list-query";
import { availableActions, type InstanceAction } from "./state-machine";
import { instanceStatus, runningTask, type InstanceStatus } from "./status";
import { LISTED_STATUSES, statusWhere } from "./status-filter";

/** What an admin can do to any instance from the cloud-wide list. */
export const ADMIN_LIST_ACTIONS = ["reset-state", "migrate", "evacuate", "lock", "unlock", "delete"] as const satisfies readonly InstanceAction[];
export type AdminListAction = (typeof ADMIN_LIST_ACTIONS)[number];

/**
 * The cloud-wide list's order, filters and page, read from the URL. Every field falls back to its
 * default when the URL holds something unreadable, so a stale link still shows a page.
 */
export const allInstancesQuerySchema = z.object({
  sort: z.enum(LIST_SORTS).default("created").catch("created"),
  dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  name: z.string().trim().max(63).optional().catch(undefined),
  status: z.enum(LISTED_STATUSES).optional().catch(undefined),
  projectId: z.uuid().optional().catch(undefined),
  hostId: z.uuid().optional().catch(undefined),
  cursor: z.string().max(512).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(200).default(DEFAULT_PAGE_SIZE).catch(DEFAULT_PAGE_SIZE),
});
export type AllInstancesQuery = z.output<typeof allInstancesQuerySchema>;

export type AdminInstanceRow = {
  id: string;
  name: string;
  projectId: string;
  projectName: string;
  hostId: string | null;
  hostName: string | null;
  hostStatus: "up" | "down" | null;
  status: InstanceStatus;
  task: string | null;
  imageName: string | null;
  flavor: { name: string; vcpus: number; ramMiB: number; diskGiB: number };
  createdAt: Date;
  locked: boolean;
  lockedReason: string | null;
  fault: string | null;
  actions: AdminListAction[];
};

const SELECT = {
  id: true,
  name: true,
  projectId: true,
  hostId: true,
  flavorName: true,
  vcpus: true,
  ramMiB: true,
  diskGiB: true,
  vmState: true,
  taskState: true,
  powerState: true,
  createdAt: true,
  locked: true,
  lockedReason: true,
  faultMessage: true,
  project: { select: { name: true } },
  image: { select: { name: true } },
  host: { select: { name: true, status: true } },
} satisfies Prisma.InstanceSelect;

type Selected = Prisma.InstanceGetPayload<{ select: typeof SELECT }>;

function toRow(record: Selected): AdminInstanceRow {
  const status = instanceStatus(record);
  const allowed = new Set(availableActions(record, true));
  return {
    id: record.id,
    name: record.name,
    projectId: record.projectId,
    projectName: record.project.name,
    hostId: record.hostId,
    hostName: record.host?.name ?? null,
    hostStatus: record.host?.status ?? null,
    status,
    task: runningTask(record.taskState),
    imageName: record.image?.name ?? null,
    flavor: { name: record.flavorName, vcpus: record.vcpus, ramMiB: record.ramMiB, diskGiB: record.diskGiB },
    createdAt: record.createdAt,
    locked: record.locked,
    lockedReason: record.lockedReason,
    fault: status === "ERROR" ? (record.faultMessage ?? "No reason was recorded.") : null,
    // Evacuating rebuilds elsewhere what a dead host ran; on a live host, migrate instead.
    actions: ADMIN_LIST_ACTIONS.filter((action) => allowed.has(action) && (action !== "evacuate" || record.host?.status === "down")),
  };
}

/** One page of every live instance in the cloud, newest first unless asked otherwise. */
export async function listAllInstances(db: Db, query: AllInstancesQuery): Promise<{ rows: AdminInstanceRow[]; nextCursor: string | null }> {
  const filters: Prisma.InstanceWhereInput[] = [
    query.name ? { name: { contains: query.name, mode: "insensitive" } } : {},
    query.status ? statusWhere(query.status) : {},
    query.projectId ? { projectId: query.projectId } : {},
    query.hostId ? { hostId: query.hostId } : {},
    query.cursor ? afterCursor(query, query.cursor) : {},
  ];
  const records = await db.instance.findMany({
    where: { deletedAt: null, AND: filters },
    orderBy: orderByOf(query),
    take: query.limit + 1,
    select: SELECT,
  });
  const page = records.slice(0, query.limit);
  return {
    rows: page.map(toRow),
    nextCursor: records.length > query.limit ? encodeCursor(query, page[page.length - 1]) : null,
  };
}
