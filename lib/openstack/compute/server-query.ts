import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { BerthError } from "@/lib/errors";
import { isUuid } from "@/lib/identity/access";
import { LISTED_STATUSES, statusWhere, type ListedStatus } from "@/lib/instances/status-filter";
import { isAdmin, type ScopedCaller } from "../access";
import { parseTime } from "../http";
import { atLeast, type Microversion } from "./microversion";
import { ADDRESSES_SELECT } from "@/lib/networks/addresses";
import type { ServerRecord } from "./server-view";

export const MAX_LIMIT = 1000;

export const SERVER_INCLUDE = {
  host: { select: { name: true, status: true, enabled: true, availabilityZone: true } },
  addresses: ADDRESSES_SELECT.addresses,
} satisfies Prisma.InstanceInclude;

// Nova's sort keys Berth can order by, and the column each one is.
const SORT_KEYS = { created_at: "createdAt", display_name: "name", updated_at: "updatedAt", launched_at: "launchedAt" } as const;

type SortKey = keyof typeof SORT_KEYS;

export type ServerPage = { records: ServerRecord[]; more: boolean };

const badRequest = (message: string) => new BerthError("INVALID_INPUT", message);

const NOTHING: Prisma.InstanceWhereInput = { id: { in: [] } };

export function refOf(value: string): string {
  // imageRef and flavorRef may be links: the id is the last path segment.
  return value.split("/").filter(Boolean).pop() ?? value;
}

/** Nova's list filters, as Prisma conditions. An admin's `all_tenants` lifts the project filter. */
function filtersOf(query: URLSearchParams, caller: ScopedCaller, version: Microversion): { where: Prisma.InstanceWhereInput; empty: boolean } {
  const admin = isAdmin(caller);
  const allProjects = admin && ["1", "true", "True", ""].includes(query.get("all_tenants") ?? "no");
  const project = admin && allProjects ? (query.get("project_id") ?? query.get("tenant_id")) : caller.project.id;
  const conditions: Prisma.InstanceWhereInput[] = [];
  let empty = false;
  if (project) conditions.push(isUuid(project) ? { projectId: project } : NOTHING);

  const changesSince = query.get("changes-since");
  const status = query.get("status")?.toUpperCase();
  // changes-since lists deleted servers too, as in Nova, so a poller learns of deletions.
  if (status === "DELETED" && admin) conditions.push({ deletedAt: { not: null } });
  else if (!changesSince) conditions.push({ deletedAt: null });
  if (changesSince) conditions.push({ updatedAt: { gte: parseTime(changesSince, "changes-since") } });
  const changesBefore = query.get("changes-before");
  if (changesBefore && atLeast(version, 66)) conditions.push({ updatedAt: { lte: parseTime(changesBefore, "changes-before") } });

  if (status && status !== "DELETED") {
    if ((LISTED_STATUSES as readonly string[]).includes(status)) conditions.push(statusWhere(status as ListedStatus));
    else if (atLeast(version, 38)) throw badRequest(`Invalid status value: ${status}.`);
    else empty = true;
  }
  const name = query.get("name");
  if (name) conditions.push({ name: { contains: name, mode: "insensitive" } });
  for (const [param, field] of [["image", "imageId"], ["flavor", "flavorId"]] as const) {
    const value = query.get(param);
    if (value) conditions.push(isUuid(refOf(value)) ? { [field]: refOf(value) } : NOTHING);
  }
  const zone = query.get("availability_zone");
  if (zone) conditions.push({ OR: [{ availabilityZone: zone }, { host: { availabilityZone: zone } }] });
  const userId = query.get("user_id");
  if (userId) conditions.push(isUuid(userId) ? { userId } : NOTHING);
  const host = admin ? (query.get("host") ?? query.get("node")) : null;
  if (host) conditions.push({ host: { name: host } });
  const locked = query.get("locked");
  if (locked !== null && atLeast(version, 73)) conditions.push({ locked: ["true", "1", "yes"].includes(locked.toLowerCase()) });
  // Nova matches `ip` as a regular expression; Berth takes it as the start of an address.
  const ip = query.get("ip");
  if (ip) conditions.push({ addresses: { some: { address: { startsWith: ip.replace(/^\^|\$$/g, "").replace(/\\\./g, ".") } } } });
  if (query.get("ip6")) empty = true;
  return { where: { AND: conditions }, empty };
}

function sortOf(query: URLSearchParams): { key: SortKey; dir: "asc" | "desc" } {
  const key = (query.getAll("sort_key")[0] ?? "created_at") as SortKey;
  if (!(key in SORT_KEYS)) throw badRequest(`Berth cannot sort servers by ${key}; use ${Object.keys(SORT_KEYS).join(", ")}.`);
  const dir = (query.getAll("sort_dir")[0] ?? "desc").toLowerCase();
  if (dir !== "asc" && dir !== "desc") throw badRequest(`Invalid sort_dir: ${dir}.`);
  return { key, dir };
}

export function limitOf(query: URLSearchParams): number {
  const raw = query.get("limit");
  if (raw === null) return MAX_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 0) throw badRequest(`limit param must be an integer >= 0, not ${raw}.`);
  return Math.min(limit, MAX_LIMIT);
}

/**
 * One page of servers as Nova lists them: filtered, sorted, and continued after `marker` (a
 * server id) by keyset on the sort column and the id.
 */
export async function listServers(db: Db, caller: ScopedCaller, query: URLSearchParams, version: Microversion): Promise<ServerPage> {
  const { where, empty } = filtersOf(query, caller, version);
  if (empty) return { records: [], more: false };
  const { key, dir } = sortOf(query);
  const column = SORT_KEYS[key];
  const limit = limitOf(query);
  const conditions: Prisma.InstanceWhereInput[] = [where];
  const markerId = query.get("marker");
  if (markerId) {
    const marker = isUuid(markerId) ? await db.instance.findFirst({ where: { AND: [where, { id: markerId }] } }) : null;
    if (!marker) throw badRequest(`marker [${markerId}] not found`);
    const value = marker[column];
    const beyond = dir === "desc" ? "lt" : "gt";
    conditions.push(
      value === null
        ? { [column]: null, id: { [beyond]: marker.id } }
        : { OR: [{ [column]: { [beyond]: value } }, { [column]: value, id: { [beyond]: marker.id } }] },
    );
  }
  const records = await db.instance.findMany({
    where: { AND: conditions },
    orderBy: [{ [column]: dir }, { id: dir }],
    take: limit + 1,
    include: SERVER_INCLUDE,
  });
  return { records: records.slice(0, limit), more: records.length > limit };
}
