import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInstanceFeed, type FeedConnection, type InstanceFeed, type InstanceFeedEvent } from "@/lib/live/instance-feed";
import { freshDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
let feed: InstanceFeed;
const connections: pg.Client[] = [];
const projectId = randomUUID();
const otherProjectId = randomUUID();

beforeAll(async () => {
  database = await freshDatabase();
  await database.db.project.createMany({ data: [{ id: projectId, name: "live" }, { id: otherProjectId, name: "elsewhere" }] });
  feed = createInstanceFeed({
    connect: async () => {
      const client = new pg.Client({ connectionString: database.url });
      client.on("error", () => undefined);
      await client.connect();
      connections.push(client);
      return client as FeedConnection;
    },
    flushMs: 50,
    retryMs: 100,
  });
});

afterAll(async () => {
  await feed?.close();
  await database?.drop();
});

function listen(project: string) {
  const events: InstanceFeedEvent[] = [];
  const stop = feed.subscribe(project, (event) => events.push(event));
  const changed = () => events.flatMap((event) => (event.type === "changed" ? event.ids : []));
  return { events, changed, stop };
}

const instance = (id: string, project = projectId, name = "web") => ({
  id,
  name,
  projectId: project,
  kind: "machine" as const,
  flavorName: "m1.nano",
  vcpus: 1,
  ramMiB: 64,
  diskGiB: 1,
});

describe("instance notifications", () => {
  it("announce inserts, updates and deletes to the project's subscribers only, a burst in one batch", async () => {
    const mine = listen(projectId);
    const theirs = listen(otherProjectId);
    await expect.poll(() => mine.events[0]).toEqual({ type: "listening" });

    const ids = Array.from({ length: 20 }, () => randomUUID());
    await database.db.instance.createMany({ data: ids.map((id, i) => instance(id, projectId, `web-${i}`)) });
    await database.db.instance.updateMany({ where: { id: { in: ids } }, data: { vmState: "active", powerState: "running" } });
    await expect.poll(() => new Set(mine.changed()).size).toBe(20);
    // 40 row changes, gathered into a batch or two rather than 40 messages.
    expect(mine.events.filter((event) => event.type === "changed").length).toBeLessThanOrEqual(2);
    expect(theirs.changed()).toEqual([]);

    const gone = ids[0];
    await database.db.instance.delete({ where: { id: gone } });
    await expect.poll(() => mine.changed().filter((id) => id === gone).length).toBe(2);
    mine.stop();
    theirs.stop();
  });

  it("comes back after the server drops its connection, and says to re-read", async () => {
    const watcher = listen(projectId);
    await expect.poll(() => watcher.events.length).toBe(1);
    const before = connections.length;
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'");
    await admin.end();

    await expect.poll(() => connections.length, { timeout: 5000 }).toBe(before + 1);
    await expect.poll(() => watcher.events.filter((event) => event.type === "listening").length, { timeout: 5000 }).toBe(2);
    const id = randomUUID();
    await database.db.instance.create({ data: instance(id) });
    await expect.poll(() => watcher.changed()).toContain(id);
    watcher.stop();
  });
});
