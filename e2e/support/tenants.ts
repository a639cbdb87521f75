import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { hashPassword } from "../../lib/identity/password";

export type Tenant = { username: string; password: string; userId: string; projectId: string; projectName: string };

export function databaseUrl(): string {
  const url = process.env.BERTH_E2E_DATABASE_URL;
  if (!url) throw new Error("BERTH_E2E_DATABASE_URL is not set: run the end-to-end tests through `npm test` (or set it to the server's database).");
  return url;
}

/**
 * A user with a project of their own (role `member` unless said otherwise), written straight into the
 * database of the server under test: the pages that create users come with the admin console.
 */
export async function createTenant(prefix: string, role: "member" | "reader" = "member"): Promise<Tenant> {
  const suffix = randomBytes(3).toString("hex");
  const tenant = {
    username: `${prefix}-${suffix}`,
    password: randomBytes(9).toString("base64url"),
    userId: randomUUID(),
    projectId: randomUUID(),
    projectName: `${prefix}-project-${suffix}`,
  };
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query(`INSERT INTO users (id, username, "passwordHash", "updatedAt") VALUES ($1, $2, $3, now())`, [
      tenant.userId,
      tenant.username,
      await hashPassword(tenant.password),
    ]);
    await client.query(`INSERT INTO projects (id, name, "updatedAt") VALUES ($1, $2, now())`, [tenant.projectId, tenant.projectName]);
    await client.query(`INSERT INTO memberships ("userId", "projectId", role) VALUES ($1, $2, $3)`, [tenant.userId, tenant.projectId, role]);
  } finally {
    await client.end();
  }
  return tenant;
}

/** Adds an existing user to a project with a role. */
export async function addMember(userId: string, projectId: string, role: "member" | "reader"): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query(`INSERT INTO memberships ("userId", "projectId", role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [userId, projectId, role]);
  } finally {
    await client.end();
  }
}
