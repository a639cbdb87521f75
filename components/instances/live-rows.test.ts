import { describe, expect, it } from "vitest";
import type { InstanceRow } from "@/lib/instances/instance-row";
import type { InstanceListFilters } from "@/lib/instances/list-query";
import { applyLiveChange, compareRows, EMPTY_OVERLAY, visibleRows } from "./live-rows";

function row(n: number, over: Partial<InstanceRow> = {}): InstanceRow {
  const minute = String(n).padStart(2, "0");
  return {
    id: `00000000-0000-4000-8000-0000000000${minute}`,
    name: `web-${minute}`,
    kind: "machine",
    imageId: "img-1",
    imageName: "busybox",
    flavor: { name: "m1.nano", vcpus: 1, ramMiB: 64, diskGiB: 1 },
    status: "ACTIVE",
    vmState: "active",
    task: null,
    powerState: "running",
    addresses: [],
    availabilityZone: "nova",
    createdAt: `2026-11-23T10:${minute}:00.000Z`,
    updatedAt: `2026-11-23T11:00:00.000Z`,
    locked: false,
    lockedReason: null,
    fault: null,
    actions: ["stop"],
    formActions: [],
    ...over,
  };
}

const newest: InstanceListFilters = { sort: "created", dir: "desc" };
const names = (rows: InstanceRow[]) => rows.map((r) => r.name);

describe("visibleRows", () => {
  const page = [row(5), row(4), row(3)];

  it("replaces a row in place with the newer live copy", () => {
    const overlay = applyLiveChange(EMPTY_OVERLAY, { rows: [row(4, { status: "SHUTOFF", updatedAt: "2026-11-23T11:00:01.000Z" })], removed: [] });
    const rows = visibleRows([page], overlay, newest, true);
    expect(names(rows)).toEqual(["web-05", "web-04", "web-03"]);
    expect(rows[1].status).toBe("SHUTOFF");
  });

  it("keeps the page's copy when it is the newer one (a page read after the event)", () => {
    const overlay = applyLiveChange(EMPTY_OVERLAY, { rows: [row(4, { status: "BUILD", updatedAt: "2026-11-23T10:59:59.000Z" })], removed: [] });
    expect(visibleRows([page], overlay, newest, true)[1].status).toBe("ACTIVE");
  });

  it("drops deleted rows for good, even if a stale page still has them", () => {
    const overlay = applyLiveChange(EMPTY_OVERLAY, { rows: [], removed: [row(4).id] });
    expect(names(visibleRows([page], overlay, newest, true))).toEqual(["web-05", "web-03"]);
    const later = applyLiveChange(overlay, { rows: [row(4, { updatedAt: "2026-11-23T12:00:00.000Z" })], removed: [] });
    expect(names(visibleRows([[...page]], later, newest, true))).toEqual(["web-05", "web-03"]);
  });

  it("adds a launched row where it sorts, but only within what is loaded", () => {
    const overlay = applyLiveChange(EMPTY_OVERLAY, { rows: [row(9), row(1)], removed: [] });
    // More pages exist after web-03: web-01 belongs to them, so it waits for "Load more".
    expect(names(visibleRows([page], overlay, newest, false))).toEqual(["web-09", "web-05", "web-04", "web-03"]);
    expect(names(visibleRows([page], overlay, newest, true))).toEqual(["web-09", "web-05", "web-04", "web-03", "web-01"]);
  });

  it("applies the filters to live copies: a row that stops matching leaves, one that starts matching comes in", () => {
    const active: InstanceListFilters = { ...newest, status: "ACTIVE" };
    const overlay = applyLiveChange(EMPTY_OVERLAY, {
      rows: [row(4, { status: "SHUTOFF", updatedAt: "2026-11-23T11:00:01.000Z" }), row(6, { status: "ACTIVE" })],
      removed: [],
    });
    expect(names(visibleRows([page], overlay, active, true))).toEqual(["web-06", "web-05", "web-03"]);
    expect(names(visibleRows([page], overlay, { ...newest, name: "WEB-0" }, true))).toHaveLength(4);
    expect(names(visibleRows([page], overlay, { ...newest, flavor: "m1.small" }, true))).toEqual([]);
  });

  it("moves a row whose sort key changed", () => {
    const byStatus: InstanceListFilters = { sort: "status", dir: "asc" };
    const pageByStatus = [row(5), row(4), row(3)];
    const overlay = applyLiveChange(EMPTY_OVERLAY, { rows: [row(5, { vmState: "building", status: "BUILD", updatedAt: "2026-11-23T11:00:01.000Z" })], removed: [] });
    expect(names(visibleRows([pageByStatus], overlay, byStatus, true))[0]).toBe("web-05");
    const errored = applyLiveChange(EMPTY_OVERLAY, { rows: [row(5, { vmState: "error", status: "ERROR", updatedAt: "2026-11-23T11:00:01.000Z" })], removed: [] });
    expect(names(visibleRows([pageByStatus], errored, byStatus, true)).at(-1)).toBe("web-05");
  });

  it("never shows a row twice when pages overlap", () => {
    expect(names(visibleRows([page, [row(3), row(2)]], EMPTY_OVERLAY, newest, true))).toEqual(["web-05", "web-04", "web-03", "web-02"]);
  });
});

describe("compareRows", () => {
  it("breaks ties by id and follows the direction", () => {
    const a = row(1, { name: "same" });
    const b = row(2, { name: "same" });
    expect(compareRows(a, b, { sort: "name", dir: "asc" })).toBeLessThan(0);
    expect(compareRows(a, b, { sort: "name", dir: "desc" })).toBeGreaterThan(0);
    // Code point order, as Postgres's C collation: upper case before lower case.
    expect(compareRows(row(1, { name: "Zeta" }), row(2, { name: "alpha" }), { sort: "name", dir: "asc" })).toBeLessThan(0);
  });
});
