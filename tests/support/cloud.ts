import { rm } from "node:fs/promises";
import Dockerode from "dockerode";
import { MANAGED_FILTER } from "@/lib/docker/labels";
import type { Host } from "@/lib/db/generated/client";
import { createDb, type Db } from "@/lib/db/client";
import { testDockerHosts } from "./docker-hosts";
import { emptyDatabase } from "./database";

export type Cloud = {
  db: Db;
  url: string;
  hosts: Host[];
  projectId: string;
  userId: string;
  imageId: (name: string) => string;
  flavorId: (name: string) => string;
  docker: (host: Host) => Dockerode;
  stop: () => Promise<void>;
};

/** Removes every Berth container and network on the test daemons, so each test file starts from nothing. */
export async function clearTestDaemons(endpoints = testDockerHosts()): Promise<void> {
  for (const endpoint of endpoints) {
    const docker = new Dockerode({ socketPath: endpoint.replace("unix://", "") });
    const containers = await docker.listContainers({ all: true, filters: { label: [MANAGED_FILTER] } });
    await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
    // A fresh database hands out the same subnets again: networks of earlier files must go too.
    const networks = await docker.listNetworks({ filters: { label: [MANAGED_FILTER] } });
    await Promise.all(networks.map((n) => docker.getNetwork(n.Id).remove().catch(() => undefined)));
  }
}

/**
 * A small cloud for a test file: a fresh migrated database, the test daemons registered as hosts
 * host-0…, seed images in a private image store (loaded on host-0 only, so others must be given
 * them), default flavors, a project with a member, and Berth's background services running with
 * short intervals. Runs in this process, as the app does.
 */
export async function startCloud(options: { hosts?: number; endpoints?: string[]; services?: boolean } = {}): Promise<Cloud> {
  const endpoints = options.endpoints ?? testDockerHosts().slice(0, options.hosts ?? 3);
  await clearTestDaemons(endpoints);
  const database = await emptyDatabase();
  // The data directory and image store were set for this file by tests/support/setup-env.ts.
  const dataDir = process.env.BERTH_DATA_DIR!;
  process.env.DATABASE_URL = database.url;
  const { migrate } = await import("@/lib/db/migrate");
  const { installQueue } = await import("@/lib/jobs/queue");
  const { db } = await import("@/lib/db/client");
  const { registerHost } = await import("@/lib/hosts/register-host");
  const { seedDefaults } = await import("@/lib/setup/seed-defaults");
  const { seedImages } = await import("@/lib/setup/seed-images");
  const { ImageStore } = await import("@/lib/images/image-store");
  const { startServices } = await import("@/lib/runtime/services");

  await migrate(database.url);
  await installQueue(database.url);
  await seedDefaults(db(), { adminPassword: "admin-password" });
  const hosts: Host[] = [];
  for (const [i, endpoint] of endpoints.entries()) hosts.push(await registerHost(db(), { name: `host-${i}`, endpoint }));
  await seedImages(db(), new ImageStore(), hosts[0], dataDir);
  const project = await db().project.findUniqueOrThrow({ where: { name: "demo" } });
  const user = await db().user.findUniqueOrThrow({ where: { username: "admin" } });
  const images = new Map((await db().image.findMany()).map((i) => [i.name, i.id]));
  const flavors = new Map((await db().flavor.findMany()).map((f) => [f.name, f.id]));

  const services = options.services === false
    ? null
    : await startServices(database.url, { heartbeatMs: 500, reconcileMs: 2000, orphanGraceMs: 2000 });
  const clients = new Map<string, Dockerode>();
  return {
    db: db(),
    url: database.url,
    hosts,
    projectId: project.id,
    userId: user.id,
    imageId: (name) => images.get(name) ?? fail(`no image ${name}`),
    flavorId: (name) => flavors.get(name) ?? fail(`no flavor ${name}`),
    docker: (host) => {
      if (!clients.has(host.id)) clients.set(host.id, new Dockerode({ socketPath: host.endpoint.replace("unix://", "") }));
      return clients.get(host.id)!;
    },
    stop: async () => {
      await services?.stop();
      await clearTestDaemons(endpoints);
      await db().$disconnect();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns a value (not undefined/null/false), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 15_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value as T;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ""}`);
}

function fail(message: string): never {
  throw new Error(message);
}

export { createDb };
