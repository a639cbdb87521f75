import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  const running: RunningPostgres[] = [];
  let dir: string;

  afterAll(async () => {
    for (const r of running) await r.stop().catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("creates a real server with the berth database, keeps data across restarts", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "berth-pg-"));
    await chmod(dir, 0o755); // as root the server runs as the postgres user, which must reach the directory
    const first = await startEmbeddedPostgres(dir);
    running.push(first);
    expect(first.url).toMatch(/^postgresql:\/\/postgres:.+@127\.0\.0\.1:\d+\/berth$/);
    await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    // What the job queue and live updates rely on: advisory locks and LISTEN/NOTIFY.
    expect(await query(first.url, "SELECT pg_try_advisory_lock(42) AS locked")).toEqual([{ locked: true }]);
    await query(first.url, "LISTEN berth_test; NOTIFY berth_test, 'x'");
    await first.stop();

    const second = await startEmbeddedPostgres(dir);
    running.push(second);
    expect(await query(second.url, "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
  });

  it("takes over from a server a killed Berth left running", async () => {
    // The previous test's server is still running: starting again must stop it first.
    const third = await startEmbeddedPostgres(dir);
    running.push(third);
    expect(await query(third.url, "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
  });
});
