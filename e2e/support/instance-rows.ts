import { randomUUID } from "node:crypto";
import pg from "pg";
import { databaseUrl } from "./tenants";

export type InstanceRow = {
  name: string;
  vmState: "stopped" | "deleted";
  vcpus: number;
  ramMiB: number;
  diskGiB: number;
  launchedAt: Date | null;
  terminatedAt?: Date;
};

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Instance rows with no host and no container, written straight into the server's database:
 * exact figures for the quota and usage pages without launching anything. Nothing syncs a
 * hostless row, so they stay as written until `deleteInstanceRows`.
 */
export function insertInstanceRows(projectId: string, rows: InstanceRow[]): Promise<string[]> {
  return withDatabase(async (client) => {
    const ids: string[] = [];
    for (const row of rows) {
      const id = randomUUID();
      const deletedAt = row.vmState === "deleted" ? (row.terminatedAt ?? new Date()) : null;
      await client.query(
        `INSERT INTO instances (id, name, "projectId", kind, "flavorName", vcpus, "ramMiB", "diskGiB", "vmState", "powerState",
           "launchedAt", "terminatedAt", "deletedAt", "updatedAt")
         VALUES ($1, $2, $3, 'application', 'e2e.fixed', $4, $5, $6, $7, 'shutdown', $8, $9, $10, now())`,
        [id, row.name, projectId, row.vcpus, row.ramMiB, row.diskGiB, row.vmState, row.launchedAt, row.terminatedAt ?? deletedAt, deletedAt],
      );
      ids.push(id);
    }
    return ids;
  });
}

export function deleteInstanceRows(ids: string[]): Promise<void> {
  return withDatabase(async (client) => {
    await client.query(`DELETE FROM instances WHERE id = ANY($1::uuid[])`, [ids]);
  });
}

/** The id of a project or image by name, as the seed made it. */
export function idByName(table: "projects" | "images", name: string): Promise<string> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM ${table} WHERE name = $1 LIMIT 1`, [name]);
    if (!rows[0]) throw new Error(`No ${table.slice(0, -1)} named ${name}`);
    return rows[0].id;
  });
}
