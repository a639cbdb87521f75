import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import { VmState } from "@/lib/db/generated/enums";
import { BerthError } from "@/lib/errors";
import type { InstanceListQuery, ListSort } from "./list-query";

/**
 * Keyset pagination: a page continues after the last row of the one before, by the values of the
 * sort's columns with the id as the final tie-breaker, so paging stays as fast on page 200 as on
 * page 1 and rows launched meanwhile neither repeat nor go missing.
 */
type Key = { field: "createdAt" | "name" | "vmState" | "id"; kind: "date" | "text" | "enum" };

const SORT_KEYS: Record<ListSort, Key[]> = {
  created: [
    { field: "createdAt", kind: "date" },
    { field: "id", kind: "text" },
  ],
  name: [
    { field: "name", kind: "text" },
    { field: "id", kind: "text" },
  ],
  // Statuses group by vm_state (building, active, stopped, paused, error), newest first within each.
  status: [
    { field: "vmState", kind: "enum" },
    { field: "createdAt", kind: "date" },
    { field: "id", kind: "text" },
  ],
};

export type SortableRow = { id: string; name: string; vmState: string; createdAt: Date };

export function orderByOf(query: Pick<InstanceListQuery, "sort" | "dir">): Prisma.InstanceOrderByWithRelationInput[] {
  const order = SORT_KEYS[query.sort].map((key) => ({ [key.field]: query.dir }));
  if (query.sort !== "created") return order;
  // Listed rows all have deletedAt NULL, so ordering by it changes nothing, but it lets Postgres
  // read the (projectId, deletedAt, createdAt) index in order: `deletedAt IS NULL` alone does not
  // count as fixing that column, and without this the planner scans and sorts the whole project.
  return [{ deletedAt: { sort: query.dir, nulls: query.dir === "desc" ? "first" : "last" } }, ...order];
}

const cursorSchema = z.object({
  s: z.enum(["created", "name", "status"]),
  d: z.enum(["asc", "desc"]),
  k: z.array(z.string().max(256)).min(2).max(3),
});

export function encodeCursor(query: Pick<InstanceListQuery, "sort" | "dir">, row: SortableRow): string {
  const values = SORT_KEYS[query.sort].map((key) => (key.kind === "date" ? row[key.field as "createdAt"].toISOString() : row[key.field as "id"]));
  return Buffer.from(JSON.stringify({ s: query.sort, d: query.dir, k: values })).toString("base64url");
}

const staleCursor = () =>
  new BerthError("INVALID_INPUT", "This page link no longer fits the list's order or filters: start again from the first page.", {
    cursor: "start again from the first page",
  });

/** The filter that selects the rows after the cursor's row, in the query's order. */
export function afterCursor(query: Pick<InstanceListQuery, "sort" | "dir">, cursor: string): Prisma.InstanceWhereInput {
  let decoded: z.infer<typeof cursorSchema>;
  try {
    decoded = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw staleCursor();
  }
  const keys = SORT_KEYS[query.sort];
  if (decoded.s !== query.sort || decoded.d !== query.dir || decoded.k.length !== keys.length) throw staleCursor();
  const values = keys.map((key, i) => valueOf(key, decoded.k[i]));
  return keysetWhere(keys, values, query.dir);
}

function valueOf(key: Key, raw: string): Date | string {
  if (key.kind === "date") {
    const date = new Date(raw);
    if (Number.isNaN(date.getTime())) throw staleCursor();
    return date;
  }
  if (key.kind === "enum" && !(raw in VmState)) throw staleCursor();
  return raw;
}

const VM_ORDER = Object.values(VmState);

function compare(key: Key, value: Date | string, after: "lt" | "gt", orEqual: boolean): Prisma.InstanceWhereInput {
  // Enums cannot be compared with lt/gt in Prisma: name the values on the wanted side instead.
  if (key.kind === "enum") {
    const at = VM_ORDER.indexOf(value as VmState);
    const side = after === "gt" ? VM_ORDER.slice(orEqual ? at : at + 1) : VM_ORDER.slice(0, orEqual ? at + 1 : at);
    return { vmState: { in: side } };
  }
  return { [key.field]: { [orEqual ? `${after}e` : after]: value } };
}

/**
 * (k1, k2, k3) after (v1, v2, v3), written so the leading column also bounds the scan:
 * k1 ≥ v1 AND (k1 > v1 OR (k1 = v1 AND (k2 > v2 OR (k2 = v2 AND k3 > v3)))).
 */
function keysetWhere(keys: Key[], values: (Date | string)[], dir: "asc" | "desc"): Prisma.InstanceWhereInput {
  const after = dir === "asc" ? "gt" : "lt";
  const strictlyAfter = (i: number): Prisma.InstanceWhereInput =>
    i === keys.length - 1
      ? compare(keys[i], values[i], after, false)
      : { OR: [compare(keys[i], values[i], after, false), { AND: [{ [keys[i].field]: values[i] }, strictlyAfter(i + 1)] }] };
  return { AND: [compare(keys[0], values[0], after, true), strictlyAfter(0)] };
}
