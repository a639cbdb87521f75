import { spawn } from "node:child_process";
import type Dockerode from "dockerode";
import pg from "pg";
import type { Cloud } from "@/tests/support/cloud";

export const BENCH_IMAGE = "berth/busybox:1";
export const BENCH_COMMAND = ["sleep", "3600"];

export type DockerRun = { ms: number; exitedAt: number; containerId: string };

/** What a user types: `docker -H <endpoint> run -d <flags> image sleep 3600`, timed from spawn to exit. */
export function timeDockerRun(endpoint: string, flags: string[] = []): Promise<DockerRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let exitedAt = 0;
    const child = spawn("docker", ["-H", endpoint, "run", "-d", ...flags, BENCH_IMAGE, ...BENCH_COMMAND], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk));
    child.on("exit", () => (exitedAt = performance.now()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve({ ms: exitedAt - started, exitedAt, containerId: out.trim() }) : reject(new Error(`docker run failed (${code}): ${err.trim()}`)),
    );
  });
}

/**
 * The same container Berth makes for an m1.nano application instance (see toCreateOptions):
 * docker-init, the reduced capability set, no-new-privileges, CPU/memory/pids limits, log rotation.
 */
export const BERTH_EQUIVALENT_FLAGS = [
  "--init",
  "--cap-drop=ALL",
  ...["CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID", "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT"].map((c) => `--cap-add=${c}`),
  "--security-opt=no-new-privileges",
  "--cpus=1",
  "--memory=64m",
  "--memory-swap=64m",
  "--pids-limit=1024",
  "--log-opt=max-size=100m",
  "--log-opt=max-file=3",
  "--label=berth.kind=application",
];

export async function removeContainers(docker: Dockerode, ids: string[]): Promise<void> {
  await Promise.all(ids.map((id) => docker.getContainer(id).remove({ force: true }).catch(() => undefined)));
}

/**
 * Takes instances out of Berth without a delete job: rows first, so the container's destroy event
 * finds no instance to mark as failed, then the containers.
 */
export async function dropInstances(cloud: Cloud, ids: string[]): Promise<void> {
  const rows = await cloud.db.instance.findMany({ where: { id: { in: ids } }, select: { hostId: true, containerId: true } });
  await cloud.db.instance.deleteMany({ where: { id: { in: ids } } });
  await Promise.all(
    cloud.hosts.map((host) =>
      removeContainers(
        cloud.docker(host),
        rows.filter((r) => r.hostId === host.id && r.containerId).map((r) => r.containerId!),
      ),
    ),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Watches instance rows on a connection of its own, with prepared statements: one indexed
 * single-row read per poll (~0.1 ms of server time), so a 2 ms poll adds little load.
 */
export class StatePoller {
  private constructor(private client: pg.Client) {}

  static async open(url: string): Promise<StatePoller> {
    const client = new pg.Client({ connectionString: url });
    // A lost connection also fails the query in flight, which reports it; without a listener the
    // 'error' event would crash the process.
    client.on("error", () => {});
    await client.connect();
    return new StatePoller(client);
  }

  /** Resolves at the first poll that sees the instance ACTIVE; throws if it goes to ERROR. */
  async untilActive(instanceId: string, intervalMs = 2, timeoutMs = 60_000): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const { rows } = await this.client.query<{ vmState: string; faultMessage: string | null }>({
        name: "instance-state",
        text: `SELECT "vmState", "faultMessage" FROM instances WHERE id = $1`,
        values: [instanceId],
      });
      if (rows[0]?.vmState === "active") return performance.now();
      if (rows[0]?.vmState === "error") throw new Error(`instance ${instanceId} failed: ${rows[0].faultMessage}`);
      await sleep(intervalMs);
    }
    throw new Error(`instance ${instanceId} not ACTIVE within ${timeoutMs} ms`);
  }

  /** Resolves at the first poll that sees `count` instances of the project ACTIVE; throws on any ERROR. */
  async untilProjectActive(projectId: string, count: number, intervalMs = 20, timeoutMs = 120_000): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const { rows } = await this.client.query<{ active: number; failed: number; fault: string | null }>({
        name: "project-states",
        text: `SELECT count(*) FILTER (WHERE "vmState" = 'active')::int AS active,
                      count(*) FILTER (WHERE "vmState" = 'error')::int AS failed,
                      min("faultMessage") AS fault
                 FROM instances WHERE "projectId" = $1::uuid AND "deletedAt" IS NULL`,
        values: [projectId],
      });
      if (rows[0].failed) throw new Error(`${rows[0].failed} instances failed, e.g.: ${rows[0].fault}`);
      if (rows[0].active >= count) return performance.now();
      await sleep(intervalMs);
    }
    throw new Error(`${count} instances not ACTIVE within ${timeoutMs} ms`);
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  return sorted[lo] + (sorted[Math.ceil(rank)] - sorted[lo]) * (rank - lo);
}

export const median = (values: number[]) => percentile(values, 0.5);

export const ms = (value: number) => `${value.toFixed(1)} ms`;

/** "median 181.2 ms (min 170.3, p90 199.0, max 210.4; n=20)" */
export function summary(values: number[]): string {
  const f = (v: number) => v.toFixed(1);
  return `median ${ms(median(values))} (min ${f(Math.min(...values))}, p90 ${f(percentile(values, 0.9))}, max ${f(Math.max(...values))}; n=${values.length})`;
}
