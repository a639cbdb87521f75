import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDockerHosts } from "../support/docker-hosts";

// Start-up as `npm start` does it on a fresh machine: no DATABASE_URL, so Berth runs its own PostgreSQL.
let dataDir: string;
let shutdown: () => Promise<void> = async () => {};

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "berth-boot-embedded-"));
  await chmod(dataDir, 0o755);
  delete process.env.DATABASE_URL;
  delete process.env.BERTH_ADMIN_PASSWORD;
  Object.assign(process.env, { BERTH_DATA_DIR: dataDir, DOCKER_HOST: testDockerHosts()[1], LOG_LEVEL: "silent" });
});

afterAll(async () => {
  await shutdown();
  await rm(dataDir, { recursive: true, force: true });
});

describe("boot without DATABASE_URL", () => {
  it("starts the embedded PostgreSQL in the data directory and prints a generated admin password once", async () => {
    const { boot } = await import("@/lib/setup/boot");
    const lines: string[] = [];
    const booted = await boot((l) => lines.push(l));
    shutdown = booted.shutdown;
    expect(booted.embedded).not.toBeNull();
    expect(process.env.DATABASE_URL).toBe(booted.embedded!.url);
    const text = lines.join("\n");
    expect(text).toContain(`data in ${path.join(dataDir, "postgres")}`);
    const password = /Created user admin with password (\S+)/.exec(text)?.[1];
    expect(password).toBeTruthy();

    const { db } = await import("@/lib/db/client");
    const { signIn } = await import("@/lib/identity/sessions");
    await expect(signIn(db(), "admin", password!, 1)).resolves.toMatchObject({ user: { username: "admin" } });
    await expect(signIn(db(), "admin", "wrong-password", 1)).rejects.toThrow("Invalid username or password.");
    expect(await db().image.count({ where: { status: "active" } })).toBe(3);
  });
});
