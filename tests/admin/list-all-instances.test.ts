import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAllInstances, allInstancesQuerySchema } from "@/lib/instances/list-all-instances";
import { freshDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
const ids = { alpha: "", beta: "", up: "", down: "" };

beforeAll(async () => {
  database = await freshDatabase();
  const { db } = database;
  const [alpha, beta] = await Promise.all([db.project.create({ data: { name: "alpha" } }), db.project.create({ data: { name: "beta" } })]);
  const host = (name: string, status: "up" | "down") => db.host.create({ data: { name, endpoint: `unix:///run/${name}.sock`, status, cpus: 4, memoryMiB: 4096 } });
  const [up, down] = await Promise.all([host("host-up", "up"), host("host-down", "down")]);
  Object.assign(ids, { alpha: alpha.id, beta: beta.id, up: up.id, down: down.id });
  const rows = [
    { name: "web-1", projectId: alpha.id, hostId: up.id, vmState: "active", powerState: "running" },
    { name: "web-2", projectId: alpha.id, hostId: down.id, vmState: "active", powerState: "unknown" },
    { name: "db-1", projectId: beta.id, hostId: up.id, vmState: "error", powerState: "nostate", faultMessage: "No valid host: 0 of 1 host can fit 64 MiB RAM (host-up: disabled (maintenance))" },
    { name: "gone", projectId: beta.id, hostId: up.id, vmState: "deleted", powerState: "nostate", deletedAt: new Date() },
  ] as const;
  for (const [i, row] of rows.entries()) {
    await db.instance.create({
      data: { ...row, kind: "machine", flavorName: "m1.nano", vcpus: 1, ramMiB: 64, diskGiB: 1, createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) },
    });
  }
});
afterAll(() => database?.drop());

const query = (params: Record<string, unknown> = {}) => allInstancesQuerySchema.parse(params);
const names = async (params: Record<string, unknown> = {}) => (await listAllInstances(database.db, query(params))).rows.map((r) => r.name);

describe("listAllInstances", () => {
  it("lists every project's live instances, newest first, with project and host names", async () => {
    const { rows, nextCursor } = await listAllInstances(database.db, query());
    expect(rows.map((r) => [r.name, r.projectName, r.hostName, r.status])).toEqual([
      ["db-1", "beta", "host-up", "ERROR"],
      ["web-2", "alpha", "host-down", "UNKNOWN"],
      ["web-1", "alpha", "host-up", "ACTIVE"],
    ]);
    expect(rows[0].fault).toContain("disabled (maintenance)");
    expect(nextCursor).toBeNull();
  });

  it("filters by project, host, status and name", async () => {
    expect(await names({ projectId: ids.alpha })).toEqual(["web-2", "web-1"]);
    expect(await names({ hostId: ids.up })).toEqual(["db-1", "web-1"]);
    expect(await names({ status: "ERROR" })).toEqual(["db-1"]);
    expect(await names({ name: "WEB" })).toEqual(["web-2", "web-1"]);
    expect(await names({ projectId: ids.beta, status: "ACTIVE" })).toEqual([]);
  });

  it("pages by keyset without repeats or gaps", async () => {
    const first = await listAllInstances(database.db, query({ limit: 2 }));
    expect(first.rows.map((r) => r.name)).toEqual(["db-1", "web-2"]);
    const second = await listAllInstances(database.db, query({ limit: 2, cursor: first.nextCursor }));
    expect(second.rows.map((r) => r.name)).toEqual(["web-1"]);
    expect(second.nextCursor).toBeNull();
  });

  it("offers evacuate only for instances on a host that is down", async () => {
    const { rows } = await listAllInstances(database.db, query());
    const actions = Object.fromEntries(rows.map((r) => [r.name, r.actions]));
    expect(actions["web-2"]).toContain("evacuate");
    expect(actions["web-1"]).not.toContain("evacuate");
    expect(actions["web-1"]).toEqual(expect.arrayContaining(["reset-state", "migrate", "lock", "delete"]));
    expect(actions["db-1"]).not.toContain("migrate");
  });

  it("reads an unreadable URL as the defaults rather than failing", () => {
    expect(query({ status: "BOGUS", projectId: "nope", limit: "9999", dir: "sideways" })).toMatchObject({ sort: "created", dir: "desc", limit: 50 });
    expect(query({ status: "BOGUS" }).status).toBeUndefined();
  });
});
