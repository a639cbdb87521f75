import type { InstanceRow } from "@/lib/instances/instance-row";
import type { InstanceListFilters } from "@/lib/instances/list-query";

/**
 * The rows the live stream has delivered, laid over the pages fetched from the server. Pages and
 * stream can cross (a page read before a change may arrive after it), so each copy of a row is
 * compared by `updatedAt` and the newer one wins; deleted instances never come back.
 */
export type LiveOverlay = { latest: ReadonlyMap<string, InstanceRow>; removed: ReadonlySet<string> };

export const EMPTY_OVERLAY: LiveOverlay = { latest: new Map(), removed: new Set() };

export function applyLiveChange(overlay: LiveOverlay, change: { rows: InstanceRow[]; removed: string[] }): LiveOverlay {
  const latest = new Map(overlay.latest);
  // Rows on the stream arrive in the order they were read, so a later one wins even within the same millisecond.
  for (const row of change.rows) {
    const known = latest.get(row.id);
    if (!known || row.updatedAt >= known.updatedAt) latest.set(row.id, row);
  }
  const removed = change.removed.length ? new Set([...overlay.removed, ...change.removed]) : overlay.removed;
  for (const id of change.removed) latest.delete(id);
  return { latest, removed };
}

function newer(page: InstanceRow, live: InstanceRow | undefined): InstanceRow {
  return live && live.updatedAt >= page.updatedAt ? live : page;
}

export function matchesFilters(row: InstanceRow, filters: InstanceListFilters): boolean {
  return (
    (!filters.name || row.name.toLowerCase().includes(filters.name.toLowerCase())) &&
    (!filters.status || row.status === filters.status) &&
    (!filters.imageId || row.imageId === filters.imageId) &&
    (!filters.flavor || row.flavor.name === filters.flavor)
  );
}

// The server's vm_state enum order, which the status sort follows.
const VM_ORDER = ["building", "active", "stopped", "paused", "error", "deleted"];

/** The server's order (list-cursor.ts): the sort's columns, then the id. Names compare by code point, like Postgres's C collation. */
export function compareRows(a: InstanceRow, b: InstanceRow, { sort, dir }: Pick<InstanceListFilters, "sort" | "dir">): number {
  const keys: [string | number, string | number][] =
    sort === "name"
      ? [[a.name, b.name]]
      : sort === "status"
        ? [
            [VM_ORDER.indexOf(a.vmState), VM_ORDER.indexOf(b.vmState)],
            [a.createdAt, b.createdAt],
          ]
        : [[a.createdAt, b.createdAt]];
  keys.push([a.id, b.id]);
  for (const [x, y] of keys) {
    if (x !== y) return (x < y ? -1 : 1) * (dir === "asc" ? 1 : -1);
  }
  return 0;
}

/**
 * What the table shows: the fetched rows in their newest version, minus the deleted and those that
 * no longer match the filters, plus live rows the pages have not got yet (a launch, say) when they
 * fall within the part of the list already loaded.
 */
export function visibleRows(pages: InstanceRow[][], overlay: LiveOverlay, filters: InstanceListFilters, complete: boolean): InstanceRow[] {
  const seen = new Set<string>();
  const rows: InstanceRow[] = [];
  for (const row of pages.flat()) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    if (overlay.removed.has(row.id)) continue;
    const current = newer(row, overlay.latest.get(row.id));
    if (matchesFilters(current, filters)) rows.push(current);
  }
  const lastLoaded = pages.flat().at(-1);
  for (const row of overlay.latest.values()) {
    if (seen.has(row.id) || !matchesFilters(row, filters)) continue;
    if (complete || !lastLoaded || compareRows(row, lastLoaded, filters) < 0) rows.push(row);
  }
  return rows.sort((a, b) => compareRows(a, b, filters));
}
