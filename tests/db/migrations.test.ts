import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import * as enums from "@/lib/db/generated/enums";
import { Prisma } from "@/lib/db/generated/client";
import { DEFAULT_MIGRATIONS_DIR, migrate, readMigrations } from "@/lib/db/migrate";
import { emptyDatabase } from "../support/database";

let url: string;
let drop: () => Promise<void>;
let db: Db;

beforeAll(async () => {
  ({ url, drop } = await emptyDatabase());
});
afterAll(async () => {
  await db?.$disconnect();
  await drop();
});

describe("migrations", () => {
  it("apply once even when two replicas start together", async () => {
    const all = (await readMigrations()).map((m) => m.name);
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    expect([...a, ...b].sort()).toEqual(all.sort());
    expect(await migrate(url)).toEqual([]);
    db = createDb(url, 5);
  });

  it("keep a ledger prisma migrate deploy agrees with", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
    );
    await client.end();
    const migrations = await readMigrations();
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      migrations.map((m) => [m.name, m.checksum, 1]),
    );
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  it("match schema.prisma: every enum value exists in the database", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ typname: string; enumlabel: string }>(
      `SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid`,
    );
    await client.end();
    for (const [name, values] of Object.entries(enums)) {
      const inDb = rows.filter((r) => r.typname === name).map((r) => r.enumlabel).sort();
      expect(inDb, `enum ${name}`).toEqual(Object.values(values as Record<string, string>).sort());
    }
  });

  it("match schema.prisma: every model is writable and readable through the client", async () => {
    const touched = new Set<string>();
    const user = await db.user.create({ data: { username: "m-user", passwordHash: "x" } });
    touched.add("User");
    await db.session.create({ data: { tokenHash: "h", userId: user.id, expiresAt: new Date() } });
    touched.add("Session");
    const project = await db.project.create({ data: { name: "m-project" } });
    touched.add("Project");
    const credential = await db.applicationCredential.create({ data: { userId: user.id, projectId: project.id, name: "ci", secretHash: "x", role: "reader" } });
    touched.add("ApplicationCredential");
    await db.apiToken.create({ data: { tokenHash: "t", userId: user.id, projectId: project.id, applicationCredentialId: credential.id, methods: ["application_credential"], expiresAt: new Date() } });
    touched.add("ApiToken");
    await db.membership.create({ data: { userId: user.id, projectId: project.id, role: "reader" } });
    touched.add("Membership");
    const host = await db.host.create({ data: { name: "m-host", endpoint: "unix:///x.sock" } });
    touched.add("Host");
    const flavor = await db.flavor.create({ data: { name: "m-flavor", vcpus: 1, ramMiB: 64, diskGiB: 1, extraSpecs: { pids: 64 } } });
    touched.add("Flavor");
    await db.flavorAccess.create({ data: { flavorId: flavor.id, projectId: project.id } });
    touched.add("FlavorAccess");
    const image = await db.image.create({
      data: { name: "m-image", ownerProjectId: project.id, sizeBytes: 5_000_000_000n, properties: { kind: "machine" } },
    });
    touched.add("Image");
    await db.imageMember.create({ data: { imageId: image.id, projectId: project.id } });
    touched.add("ImageMember");
    await db.hostImage.create({ data: { hostId: host.id, imageId: image.id } });
    touched.add("HostImage");
    const group = await db.serverGroup.create({ data: { projectId: project.id, name: "m-group", policy: "anti_affinity" } });
    const instance = await db.instance.create({
      data: {
        name: "m-instance",
        projectId: project.id,
        userId: user.id,
        kind: "machine",
        imageId: image.id,
        flavorId: flavor.id,
        flavorName: flavor.name,
        vcpus: 1,
        ramMiB: 64,
        diskGiB: 1,
        command: ["sh"],
        env: { A: "1" },
        hostId: host.id,
        serverGroupId: group.id,
      },
    });
    touched.add("Instance");
    touched.add("ServerGroup");
    const network = await db.network.create({ data: { projectId: project.id, name: "m-net", cidr: "10.128.0.0/24", isDefault: true } });
    touched.add("Network");
    const networkHost = await db.networkHost.create({ data: { networkId: network.id, hostId: host.id, cidr: "10.128.0.0/24", gateway: "10.128.0.1" } });
    touched.add("NetworkHost");
    await db.instanceNetwork.create({ data: { instanceId: instance.id, networkId: network.id, position: 0 } });
    touched.add("InstanceNetwork");
    await db.instanceAddress.create({ data: { instanceId: instance.id, networkHostId: networkHost.id, address: "10.128.0.2" } });
    touched.add("InstanceAddress");
    await db.publishedPort.create({ data: { instanceId: instance.id, projectId: project.id, hostId: host.id, hostPort: 30000, containerPort: 80 } });
    touched.add("PublishedPort");
    const action = await db.instanceAction.create({ data: { instanceId: instance.id, requestId: "req-1", action: "create" } });
    touched.add("InstanceAction");
    await db.instanceActionEvent.create({ data: { actionId: action.id, event: "schedule" } });
    touched.add("InstanceActionEvent");
    await db.allocation.create({ data: { instanceId: instance.id, hostId: host.id, vcpus: 1, ramMiB: 64, diskGiB: 1 } });
    touched.add("Allocation");
    await db.quota.create({ data: { projectId: project.id, resource: "instances", limit: 3 } });
    touched.add("Quota");
    await db.quotaDefault.create({ data: { resource: "instances", limit: 10 } });
    touched.add("QuotaDefault");
    await db.auditEvent.create({ data: { actorName: "admin", action: "flavor.create", targetType: "flavor", after: { vcpus: 1 } } });
    touched.add("AuditEvent");

    // A model added to the schema without a line above fails here, so this test keeps up.
    expect([...touched].sort()).toEqual(Object.values(Prisma.ModelName).sort());

    // Reading every row back selects every column the client knows about.
    const delegates = Object.values(Prisma.ModelName).map(
      (m) => (db as unknown as Record<string, { findMany: () => Promise<unknown[]> }>)[m[0].toLowerCase() + m.slice(1)],
    );
    for (const delegate of delegates) expect(await delegate.findMany()).toHaveLength(1);
    const read = await db.image.findUniqueOrThrow({ where: { id: image.id } });
    expect(read.sizeBytes).toBe(5_000_000_000n);
    expect(read.properties).toEqual({ kind: "machine" });
    expect(read.status).toBe("queued");
  });

  it("refuse to run when an applied migration was edited", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "berth-migrations-"));
    await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited\n`);
    await expect(migrate(url, dir)).rejects.toThrow(`Migration ${first.name} was changed after it was applied`);
  });
});
