import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";

/**
 * The test runner starts one real PostgreSQL and exports its URL (without a database name).
 * Each test file takes a fresh, migrated database of its own and drops it afterwards.
 */
export function testServerUrl(): string {
  const url = process.env.BERTH_TEST_PG_URL;
  if (!url) throw new Error("BERTH_TEST_PG_URL is not set: run integration tests through `npm test`");
  return url;
}

export type TestDatabase = { url: string; name: string; db: Db; drop: () => Promise<void> };

export async function emptyDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `t_${randomBytes(6).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`);
  return {
    url: `${testServerUrl()}/${name}`,
    name,
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function freshDatabase(): Promise<TestDatabase> {
  const empty = await emptyDatabase();
  await migrate(empty.url);
  const db = createDb(empty.url, 5);
  return {
    ...empty,
    db,
    drop: async () => {
      await db.$disconnect();
      await empty.drop();
    },
  };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${testServerUrl()}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
