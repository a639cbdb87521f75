import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { logger } from "@/lib/logger";
import { Logger, run, runMigrations, type RunnerOptions, type TaskList } from "graphile-worker";

/**
 * Durable jobs on graphile-worker: jobs live in Postgres, are taken with SKIP LOCKED (never run
 * twice at once) and picked up by LISTEN/NOTIFY within milliseconds. graphile-worker unlocks a
 * dead worker's jobs only after 4 hours; Berth does it within seconds: each process holds an
 * advisory lock for its worker pool on a connection of its own, so a pool whose lock can be taken
 * belongs to a dead process and its jobs are released to the living.
 */
const LIVENESS_PREFIX = "berth.worker-pool:";

type Queryable<Result> = { $executeRawUnsafe: (query: string, ...values: unknown[]) => Result };

// graphile-worker's console logging would interleave with Berth's; task failures are recorded by Berth itself.
const SILENT = new Logger(() => () => {});

export async function installQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: SILENT });
}

/**
 * Enqueues inside the caller's transaction, so a job exists exactly when the rows it works on do.
 * `jobKey` makes a second enqueue of the same work replace the first instead of duplicating it.
 * Given the client itself, it returns Prisma's unstarted query, for a batch `$transaction([...])`.
 */
export function enqueue<Result>(
  tx: Queryable<Result>,
  task: string,
  payload: Record<string, unknown>,
  options: { jobKey?: string; maxAttempts?: number; runAt?: Date } = {},
): Result {
  return tx.$executeRawUnsafe(
    `SELECT graphile_worker.add_job($1, $2::json, job_key => $3, max_attempts => $4, run_at => $5)`,
    task,
    JSON.stringify(payload),
    options.jobKey ?? null,
    options.maxAttempts ?? 10,
    options.runAt ?? null,
  );
}

export type Worker = { poolId: string; stop: () => Promise<void> };

export async function startWorker(connectionString: string, tasks: TaskList, concurrency = 8): Promise<Worker> {
  const liveness = new pg.Client({ connectionString });
  // Losing this connection only means other processes will treat this pool as dead and rerun
  // its jobs; it must not crash the process.
  liveness.on("error", (error) => logger.error({ err: error }, "worker liveness connection lost"));
  await liveness.connect();
  const events = new EventEmitter();
  const poolCreated = new Promise<string>((resolve) =>
    events.once("pool:create", ({ workerPool }: { workerPool: { id: string } }) => resolve(workerPool.id)),
  );
  const runner = await run({
    connectionString,
    taskList: tasks,
    concurrency,
    noHandleSignals: true,
    pollInterval: 1000,
    logger: SILENT,
    events: events as unknown as RunnerOptions["events"],
  });
  const poolId = await poolCreated;
  await liveness.query("SELECT pg_advisory_lock(hashtext($1))", [LIVENESS_PREFIX + poolId]);
  return {
    poolId,
    stop: async () => {
      await runner.stop();
      await liveness.end();
    },
  };
}

/** Releases the jobs locked by worker pools whose process is gone; returns those pools' ids. */
export async function releaseDeadWorkers(connectionString: string): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked_by: string }>(
      // A pool takes its liveness lock just after it starts; give it a few seconds before judging it.
      "SELECT DISTINCT locked_by FROM graphile_worker.jobs WHERE locked_by IS NOT NULL AND locked_at < now() - interval '3 seconds'",
    );
    const dead: string[] = [];
    for (const { locked_by } of rows) {
      const key = LIVENESS_PREFIX + locked_by;
      const { rows: got } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS ok", [key]);
      if (got[0].ok) {
        dead.push(locked_by);
        await client.query("SELECT pg_advisory_unlock(hashtext($1))", [key]);
      }
    }
    if (dead.length) await client.query("SELECT graphile_worker.force_unlock_workers($1::text[])", [dead]);
    return dead;
  } finally {
    await client.end();
  }
}
