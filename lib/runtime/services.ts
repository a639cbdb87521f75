import "server-only";
import { db } from "@/lib/db/client";
import { TASKS } from "@/lib/jobs/tasks";
import { releaseDeadWorkers, startWorker } from "@/lib/jobs/queue";
import { logger } from "@/lib/logger";
import { HostMonitor } from "@/lib/sync/host-monitor";
import { holdLeadership } from "./leader";

export type ServiceOptions = {
  concurrency?: number;
  heartbeatMs?: number;
  reconcileMs?: number;
  orphanGraceMs?: number;
  onInstanceChange?: (instanceId: string) => void;
};

/**
 * The background half of Berth, started in every app process: a job worker (every replica takes
 * jobs; a job runs once), a sweep that frees the jobs of dead processes, and — on the one process
 * holding the lead — the host monitor (heartbeats, event streams, reconcile).
 */
export async function startServices(connectionString: string, options: ServiceOptions = {}) {
  const worker = await startWorker(connectionString, TASKS, options.concurrency ?? 16);
  const sweep = () =>
    releaseDeadWorkers(connectionString)
      .then((dead) => dead.length && logger.warn({ pools: dead }, "released the jobs of dead workers"))
      .catch((error) => logger.warn({ err: error }, "dead worker sweep failed"));
  await sweep();
  const sweeper = setInterval(() => void sweep(), 5000);

  const leadership = holdLeadership(connectionString, "berth.host-monitor", async () => {
    const monitor = new HostMonitor(db(), {
      heartbeatMs: options.heartbeatMs ?? 3000,
      reconcileMs: options.reconcileMs ?? 30_000,
      orphanGraceMs: options.orphanGraceMs ?? 60_000,
      onChange: options.onInstanceChange,
    });
    await monitor.start();
    return () => monitor.stop();
  });

  return {
    poolId: worker.poolId,
    isLeader: leadership.isLeader,
    stop: async () => {
      clearInterval(sweeper);
      await leadership.stop();
      await worker.stop();
    },
  };
}
