import { chmod, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { startPrivateDaemons, stopAll, stopDaemonsIn } from "@/scripts/lib/dockerd.mjs";
import type { PrivateDaemon } from "@/scripts/lib/dockerd.mjs";
import { startBerthServer, stopLeftoverServer, type BerthServer } from "./berth-server";
import { onCleanup } from "./cleanup";
import { nextBuildFor } from "./next-build";

export type ServerStack = { server: BerthServer; daemon: PrivateDaemon; serverEnv: Record<string, string> };

/**
 * What a bench against Berth's real server needs, in `base` (a fixed path, so a run killed with
 * SIGKILL is cleaned up by the next one): the Next build, an embedded PostgreSQL, one private
 * dockerd (host `local`) and the server on `port`. Everything is registered with the cleanup.
 * `serverEnv` is the server's database and data dir, for Berth's library in the bench's process.
 */
export async function startServerStack(options: {
  name: string;
  base: string;
  port: number;
  daemon: { namePrefix: string; subnetBase: number };
  adminPassword: string;
  say: (line: string) => void;
}): Promise<ServerStack> {
  const { base, say } = options;
  const dockerDir = path.join(base, "docker");
  const pidfile = path.join(base, "server.pid");
  await stopDaemonsIn(dockerDir);
  await stopLeftoverServer(pidfile);
  await rm(base, { recursive: true, force: true });
  await mkdir(base, { recursive: true });
  // Postgres runs as the `postgres` user when we are root: it must be able to reach its data dir.
  await chmod(base, 0o755);
  onCleanup(() => rm(base, { recursive: true, force: true }));

  const dist = await nextBuildFor(options.name, say);

  say("starting PostgreSQL and a private dockerd");
  const { startEmbeddedPostgres } = await import("@/lib/db/embedded-postgres");
  const postgres = await startEmbeddedPostgres(path.join(base, "pg"));
  onCleanup(() => postgres.stop());
  const [daemon] = await startPrivateDaemons({ count: 1, baseDir: dockerDir, ...options.daemon });
  onCleanup(async () => {
    await stopAll([daemon]);
    await rm(daemon.execRoot, { recursive: true, force: true });
  });

  say(`starting Berth's server on port ${options.port} (host local = ${daemon.endpoint})`);
  const serverEnv = {
    DATABASE_URL: postgres.url,
    BERTH_DATA_DIR: path.join(base, "data"),
    BERTH_ADMIN_PASSWORD: options.adminPassword,
    LOG_LEVEL: "warn",
    // Benches' project networks stay clear of a Berth or test run on the same machine.
    BERTH_NETWORK_POOL: "10.168.0.0/13",
  };
  const server = await startBerthServer({ dist, port: options.port, pidfile, env: { ...serverEnv, DOCKER_HOST: daemon.endpoint } });
  onCleanup(() => server.stop());
  return { server, daemon, serverEnv };
}
