import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/identity/permissions";
import { toInstanceRow, type InstanceRow } from "./instance-row";
import { afterCursor, encodeCursor, orderByOf } from "./list-cursor";
import type { InstanceListQuery } from "./list-query";
import { statusWhere } from "./status-filter";
import { ADDRESSES_SELECT } from "@/lib/networks/addresses";

export type InstanceListPage = { rows: InstanceRow[]; nextCursor: string | null };

/** Who is looking: the role decides the actions offered and whether hosts are shown. */
export type Viewer = { role: Role };

const ROW_SELECT = {
  id: true,
  name: true,
  kind: true,
  imageId: true,
  flavorName: true,
  vcpus: true,
  ramMiB: true,
  diskGiB: true,
  vmState: true,
  taskState: true,
  powerState: true,
  availabilityZone: true,
  createdAt: true,
  updatedAt: true,
  locked: true,
  lockedReason: true,
  faultMessage: true,
  image: { select: { name: true } },
  host: { select: { name: true, availabilityZone: true } },
  ...ADDRESSES_SELECT,
} satisfies Prisma.InstanceSelect;

function filtersOf(query: InstanceListQuery): Prisma.InstanceWhereInput[] {
  return [
    query.name ? { name: { contains: query.name, mode: "insensitive" as const } } : {},
    query.status ? statusWhere(query.status) : {},
    query.imageId ? { imageId: query.imageId } : {},
    query.flavor ? { flavorName: query.flavor } : {},
    query.cursor ? afterCursor(query, query.cursor) : {},
  ];
}

/**
 * One page of a project's instances, in one query (image and host names joined, no per-row
 * reads). Served by the (projectId, deletedAt, createdAt) index for the default order.
 */
export async function listInstances(db: Db, viewer: Viewer, projectId: string, query: InstanceListQuery): Promise<InstanceListPage> {
  const records = await db.instance.findMany({
    where: { projectId, deletedAt: null, AND: filtersOf(query) },
    orderBy: orderByOf(query),
    take: query.limit + 1,
    select: ROW_SELECT,
  });
  const page = records.slice(0, query.limit);
  return {
    rows: page.map((record) => toInstanceRow(record, viewer.role)),
    nextCursor: records.length > query.limit ? encodeCursor(query, page[page.length - 1]) : null,
  };
}

/**
 * The current rows of some instances of a project, for the live stream; ids that are gone (deleted,
 * or not in this project) come back in `removed`, so the page drops them.
 */
export async function instanceRowsByIds(db: Db, viewer: Viewer, projectId: string, ids: string[]): Promise<{ rows: InstanceRow[]; removed: string[] }> {
  const records = await db.instance.findMany({ where: { id: { in: ids }, projectId, deletedAt: null }, select: ROW_SELECT });
  const found = new Set(records.map((record) => record.id));
  return { rows: records.map((record) => toInstanceRow(record, viewer.role)), removed: ids.filter((id) => !found.has(id)) };
}
