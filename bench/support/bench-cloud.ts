import { chmod, mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { startPrivateDaemons, stopAll, stopDaemonsIn } from "@/scripts/lib/dockerd.mjs";
import { startCloud, type Cloud } from "@/tests/support/cloud";
import { CpuMeter } from "./cpu";

// Fixed paths, so a run killed with SIGKILL is cleaned up by the next one. The daemon names and
// subnets are the benches' own on this machine (tests use berth-t/200, berth-it/230, berth-dv/210).
const BASE = "/tmp/berth-bench";
const DOCKER_DIR = path.join(BASE, "docker");
const NAME_PREFIX = "berth-b";
const SUBNET_BASE = 220;

export type BenchCloud = Cloud & { say: (line: string) => void; cpu: CpuMeter };

const cleanups: (() => Promise<unknown>)[] = [];
let cleaning: Promise<void> | undefined;

/** Runs every registered cleanup once, newest first, whoever asks first (finally block or signal). */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) await fn().catch((e) => console.error(`cleanup: ${(e as Error).message}`));
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping what the bench started`);
    void cleanup().finally(() => process.exit(130));
  });
}
// A crash (e.g. an 'error' event nobody listens to, when PostgreSQL goes away) skips the finally
// block below: stop the daemons and PostgreSQL anyway.
process.on("uncaughtException", (error) => {
  console.error(`bench crashed: ${error.stack ?? error}`);
  void cleanup().finally(() => process.exit(1));
});

/**
 * Runs `body` against a whole small cloud of its own: a private PostgreSQL, `hosts` private
 * dockerd, and Berth's services with the production settings (job concurrency 16 unless told,
 * heartbeat 3 s, reconcile 30 s) rather than the tests' short ones, so the background work is
 * what a real deployment does. Everything is stopped afterwards, also on failure and on Ctrl-C.
 */
export async function withBenchCloud(
  { hosts, concurrency = 16 }: { hosts: number; concurrency?: number },
  body: (cloud: BenchCloud) => Promise<void>,
): Promise<void> {
  const started = performance.now();
  const say = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);
  try {
    await stopDaemonsIn(DOCKER_DIR);
    await mkdir(BASE, { recursive: true });
    // Postgres runs as the `postgres` user when we are root: it must be able to reach its data dir.
    await chmod(BASE, 0o755);
    cleanups.push(() => rm(BASE, { recursive: true, force: true }));

    say("starting PostgreSQL");
    const postgres = await startEmbeddedPostgres(path.join(BASE, "pg"));
    cleanups.push(() => postgres.stop());
    say(`starting ${hosts} private dockerd`);
    const daemons = await startPrivateDaemons({ count: hosts, baseDir: DOCKER_DIR, namePrefix: NAME_PREFIX, subnetBase: SUBNET_BASE });
    cleanups.push(async () => {
      await stopAll(daemons);
      await removeExecRoots(daemons.map((d) => d.execRoot));
    });
    // What tests/support/setup-env.ts does for a test file: Berth reads its environment once, at
    // the first lib module that needs it, and startCloud loads those modules after this.
    process.env.BERTH_DATA_DIR = path.join(BASE, "data");
    // Benches' project networks stay clear of a Berth or test run on the same machine.
    process.env.BERTH_NETWORK_POOL = "10.168.0.0/13";
    process.env.BERTH_IMAGE_STORE = path.join(BASE, "data", "images");
    process.env.BERTH_TEST_PG_URL = postgres.url.replace(/\/berth$/, "");
    process.env.BERTH_TEST_DOCKER_HOSTS = daemons.map((d) => d.endpoint).join(",");
    process.env.LOG_LEVEL ??= "warn";
    await mkdir(process.env.BERTH_DATA_DIR, { recursive: true });
    say("building the cloud (database, hosts, seed images)");
    const cloud = await startCloud({ hosts, services: false });
    cleanups.push(() => cloud.stop());
    const { startServices } = await import("@/lib/runtime/services");
    const services = await startServices(cloud.url, { concurrency, heartbeatMs: 3000, reconcileMs: 30_000 });
    cleanups.push(() => services.stop());

    const pidIn = async (file: string) => Number((await readFile(file, "utf8")).split("\n")[0]);
    const cpu = new CpuMeter(
      await pidIn(path.join(BASE, "pg", "postgres", "postmaster.pid")),
      await Promise.all(daemons.map((d) => pidIn(d.pidfile))),
      daemons.map((d) => d.execRoot),
    );
    await body({ ...cloud, say, cpu });
  } finally {
    await cleanup();
  }
}

/** dockerd leaves its exec root (stale sockets, empty dirs) in /run; remove it unless something is still mounted there. */
async function removeExecRoots(dirs: string[]): Promise<void> {
  const mounts = (await readFile("/proc/mounts", "utf8")).split("\n").map((line) => line.split(" ")[1] ?? "");
  for (const dir of dirs) {
    if (!mounts.some((m) => m === dir || m.startsWith(`${dir}/`))) await rm(dir, { recursive: true, force: true });
  }
}
