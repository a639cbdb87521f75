import { describe, expect, it } from "vitest";
import { afterCursor, encodeCursor, orderByOf } from "./list-cursor";

const row = { id: "0b9f8f4e-2a43-4a51-9f59-2c1f9a6f0c11", name: "web-1", vmState: "stopped", createdAt: new Date("2026-11-23T10:00:00.123Z") };
const created = { sort: "created", dir: "desc" } as const;

describe("list cursor", () => {
  it("orders by the sort's columns with the id last", () => {
    // deletedAt first, so the index on (projectId, deletedAt, createdAt) gives the order.
    expect(orderByOf(created)).toEqual([{ deletedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }]);
    expect(orderByOf({ sort: "created", dir: "asc" })[0]).toEqual({ deletedAt: { sort: "asc", nulls: "last" } });
    expect(orderByOf({ sort: "name", dir: "desc" })).toEqual([{ name: "desc" }, { id: "desc" }]);
    expect(orderByOf({ sort: "status", dir: "asc" })).toEqual([{ vmState: "asc" }, { createdAt: "asc" }, { id: "asc" }]);
  });

  it("continues after the last row, bounding the scan by the leading column", () => {
    const at = row.createdAt;
    expect(afterCursor(created, encodeCursor(created, row))).toEqual({
      AND: [{ createdAt: { lte: at } }, { OR: [{ createdAt: { lt: at } }, { AND: [{ createdAt: at }, { id: { lt: row.id } }] }] }],
    });
    const byName = { sort: "name", dir: "asc" } as const;
    expect(afterCursor(byName, encodeCursor(byName, row))).toEqual({
      AND: [{ name: { gte: "web-1" } }, { OR: [{ name: { gt: "web-1" } }, { AND: [{ name: "web-1" }, { id: { gt: row.id } }] }] }],
    });
  });

  it("compares vm states in the enum's order, by naming the states on the wanted side", () => {
    const byStatus = { sort: "status", dir: "asc" } as const;
    const where = afterCursor(byStatus, encodeCursor(byStatus, row));
    expect(where.AND).toEqual([
      { vmState: { in: ["stopped", "paused", "error", "deleted"] } },
      {
        OR: [
          { vmState: { in: ["paused", "error", "deleted"] } },
          {
            AND: [
              { vmState: "stopped" },
              { OR: [{ createdAt: { gt: row.createdAt } }, { AND: [{ createdAt: row.createdAt }, { id: { gt: row.id } }] }] },
            ],
          },
        ],
      },
    ]);
    const descending = { sort: "status", dir: "desc" } as const;
    expect((afterCursor(descending, encodeCursor(descending, row)).AND as unknown[])[0]).toEqual({ vmState: { in: ["building", "active", "stopped"] } });
  });

  it("refuses a cursor made for another order, or garbage, with a way forward", () => {
    const cursor = encodeCursor(created, row);
    for (const [query, value] of [
      [{ sort: "name", dir: "desc" }, cursor],
      [{ sort: "created", dir: "asc" }, cursor],
      [created, "not-a-cursor"],
      [created, Buffer.from(JSON.stringify({ s: "created", d: "desc", k: ["yesterday", row.id] })).toString("base64url")],
      [{ sort: "status", dir: "desc" }, Buffer.from(JSON.stringify({ s: "status", d: "desc", k: ["melted", "2026-11-23T10:00:00Z", row.id] })).toString("base64url")],
    ] as const) {
      expect(() => afterCursor(query, value)).toThrow(expect.objectContaining({ code: "INVALID_INPUT", message: expect.stringContaining("start again from the first page") }));
    }
  });
});
