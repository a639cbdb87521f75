import "server-only";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db/client";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { installQueue } from "@/lib/jobs/queue";
import { env } from "@/lib/env";
import { registerHost } from "@/lib/hosts/register-host";
import { ImageStore } from "@/lib/images/image-store";
import { seedDefaults } from "./seed-defaults";
import { seedImages } from "./seed-images";

export type Booted = { embedded: RunningPostgres | null; shutdown: () => Promise<void> };

/**
 * Everything between "process started" and "ready to serve": the database (embedded unless
 * DATABASE_URL is set), migrations, first-run data, the local Docker host and the seed images.
 * Progress goes to `say`, as plain lines for the person who typed `npm start`.
 */
export async function boot(say: (line: string) => void): Promise<Booted> {
  const config = env();
  const dataDir = path.resolve(config.BERTH_DATA_DIR);
  await mkdir(dataDir, { recursive: true });

  let embedded: RunningPostgres | null = null;
  if (config.DATABASE_URL) {
    say("Using the PostgreSQL server at DATABASE_URL");
  } else {
    embedded = await startEmbeddedPostgres(dataDir, say);
    process.env.DATABASE_URL = embedded.url;
    say(`Started Berth's embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${path.join(dataDir, "postgres")})`);
  }
  const applied = await migrate(process.env.DATABASE_URL!);
  if (applied.length) say(`Applied migrations: ${applied.join(", ")}`);
  await installQueue(process.env.DATABASE_URL!);

  const seeded = await seedDefaults(db(), { adminPassword: config.BERTH_ADMIN_PASSWORD });
  if (seeded.adminCreated) {
    say(
      seeded.generatedPassword
        ? `Created user admin with password ${seeded.adminPassword}  (shown once: keep it, or set BERTH_ADMIN_PASSWORD on first start)`
        : "Created user admin with the password from BERTH_ADMIN_PASSWORD",
    );
  }

  const local = await ensureLocalHost(say);
  const store = new ImageStore(config.BERTH_IMAGE_STORE ?? path.join(dataDir, "images"));
  const images = await seedImages(db(), store, local, dataDir);
  say(`Seed images ready: ${images.join(", ")}${local ? " (loaded on host local)" : ""}`);

  return {
    embedded,
    shutdown: async () => {
      await db().$disconnect();
      await embedded?.stop();
    },
  };
}

/** Registers this machine's Docker engine as host `local` on first start. */
async function ensureLocalHost(say: (line: string) => void) {
  const existing = await db().host.findUnique({ where: { name: "local" } });
  if (existing) return existing;
  const endpoint = localEngineEndpoint();
  try {
    const host = await registerHost(db(), { name: "local", endpoint });
    say(`Registered host local (${endpoint}): Docker ${host.dockerVersion}, ${host.cpus} CPUs, ${host.memoryMiB} MiB`);
    return host;
  } catch (error) {
    say(`No Docker engine answers at ${endpoint} (${(error as Error).message}); add a host from Admin › Hosts.`);
    return null;
  }
}

function localEngineEndpoint(): string {
  const dockerHost = env().DOCKER_HOST;
  return dockerHost && /^(unix|tcp|ssh):\/\//.test(dockerHost) ? dockerHost : "unix:///var/run/docker.sock";
}
