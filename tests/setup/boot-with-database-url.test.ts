import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyDatabase } from "../support/database";
import { testDockerHosts } from "../support/docker-hosts";

// Start-up as `npm start` does it, against a server given by DATABASE_URL.
let drop: () => Promise<void>;
let dataDir: string;
let shutdown: () => Promise<void> = async () => {};

beforeAll(async () => {
  const database = await emptyDatabase();
  drop = database.drop;
  dataDir = await mkdtemp(path.join(tmpdir(), "berth-boot-"));
  await chmod(dataDir, 0o755);
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    BERTH_DATA_DIR: dataDir,
    DOCKER_HOST: testDockerHosts()[0],
    BERTH_ADMIN_PASSWORD: "first-password-1",
    LOG_LEVEL: "silent",
  });
});

afterAll(async () => {
  await shutdown();
  await drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("boot with DATABASE_URL", () => {
  it("migrates, seeds, registers the local engine and loads the seed images", async () => {
    const { boot } = await import("@/lib/setup/boot");
    const lines: string[] = [];
    const booted = await boot((l) => lines.push(l));
    shutdown = booted.shutdown;
    expect(booted.embedded).toBeNull();
    expect(lines.join("\n")).toContain("Applied migrations: 20261123000000_init");
    expect(lines.join("\n")).toContain("Created user admin with the password from BERTH_ADMIN_PASSWORD");

    const { db } = await import("@/lib/db/client");
    const local = await db().host.findUniqueOrThrow({ where: { name: "local" } });
    expect(local).toMatchObject({ endpoint: testDockerHosts()[0], status: "up" });
    expect(local.cpus).toBeGreaterThan(0);
    expect(local.memoryMiB).toBeGreaterThan(0);

    const images = await db().image.findMany({ include: { hosts: true }, orderBy: { name: "asc" } });
    expect(images.map((i) => [i.name, i.status, i.visibility, i.protected])).toEqual([
      ["busybox", "active", "public", true],
      ["httpd", "active", "public", true],
      ["ticker", "active", "public", true],
    ]);
    expect(images.every((i) => i.hosts.some((h) => h.hostId === local.id))).toBe(true);

    const { dockerOf } = await import("@/lib/hosts/host-connection");
    for (const image of images) expect(await dockerOf(local).hasImage(image.dockerRef!)).toBe(true);

    const { signIn } = await import("@/lib/identity/sessions");
    await expect(signIn(db(), "admin", "first-password-1", 1)).resolves.toMatchObject({ user: { isAdmin: true } });
    const demo = await db().project.findUniqueOrThrow({ where: { name: "demo" }, include: { memberships: true } });
    expect(demo.memberships).toHaveLength(1);
  });

  it("a second start reuses everything and never resets the admin password", async () => {
    process.env.BERTH_ADMIN_PASSWORD = "other-password-2";
    const { boot } = await import("@/lib/setup/boot");
    const lines: string[] = [];
    await boot((l) => lines.push(l));
    const text = lines.join("\n");
    expect(text).not.toContain("Applied migrations");
    expect(text).not.toContain("Created user admin");
    const { db } = await import("@/lib/db/client");
    expect(await db().host.count()).toBe(1);
    expect(await db().image.count()).toBe(3);
    expect(await db().flavor.count()).toBe(6);
    const { signIn } = await import("@/lib/identity/sessions");
    await expect(signIn(db(), "admin", "first-password-1", 1)).resolves.toBeTruthy();
  });
});
