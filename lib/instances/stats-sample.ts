/**
 * Turns Docker's raw stats (one JSON object per second from `GET /containers/{id}/stats`) into
 * what the stats tab draws. Pure, so the arithmetic is tested apart from Docker.
 */

type CpuStats = { cpu_usage?: { total_usage?: number; percpu_usage?: number[] }; system_cpu_usage?: number; online_cpus?: number };

export type RawStats = {
  read: string;
  pids_stats?: { current?: number };
  cpu_stats?: CpuStats;
  precpu_stats?: CpuStats;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number | undefined> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
};

export type StatsSample = {
  /** Unix ms of Docker's reading. */
  at: number;
  /** 100 = one CPU busy; null on the first reading, which has nothing to compare with. */
  cpuPercent: number | null;
  /** In use without the page cache, which the kernel gives back whenever it is needed. */
  memoryBytes: number;
  /** The container's limit, or the host's memory when it has none. */
  memoryLimitBytes: number;
  /** Bytes per second since the previous reading; null on the first. */
  rxRate: number | null;
  txRate: number | null;
  pids: number;
};

/** The counters a rate needs from the previous reading. */
export type StatsCursor = { at: number; rx: number; tx: number };

function cpuPercent(cpu: CpuStats | undefined, pre: CpuStats | undefined): number | null {
  const system = (cpu?.system_cpu_usage ?? 0) - (pre?.system_cpu_usage ?? 0);
  if (!pre?.system_cpu_usage || system <= 0) return null;
  const used = Math.max(0, (cpu?.cpu_usage?.total_usage ?? 0) - (pre.cpu_usage?.total_usage ?? 0));
  const cpus = cpu?.online_cpus || cpu?.cpu_usage?.percpu_usage?.length || 1;
  return (used / system) * cpus * 100;
}

/**
 * cgroup v1 reports the page cache as `cache` (`total_cache` with children), cgroup v2 as
 * `file`; where neither is reported, the inactive file pages are the part that is reclaimable.
 */
function pageCache(stats: Record<string, number | undefined> = {}): number {
  return stats.total_cache ?? stats.cache ?? stats.file ?? stats.total_inactive_file ?? stats.inactive_file ?? 0;
}

export function toSample(raw: RawStats, previous: StatsCursor | null): { sample: StatsSample; cursor: StatsCursor } {
  const at = Date.parse(raw.read);
  const interfaces = Object.values(raw.networks ?? {});
  const rx = interfaces.reduce((sum, n) => sum + (n.rx_bytes ?? 0), 0);
  const tx = interfaces.reduce((sum, n) => sum + (n.tx_bytes ?? 0), 0);
  const seconds = previous ? (at - previous.at) / 1000 : 0;
  const rate = (now: number, before: number | undefined) => (seconds > 0 && before !== undefined ? Math.max(0, now - before) / seconds : null);
  const memory = raw.memory_stats ?? {};
  return {
    sample: {
      at,
      cpuPercent: cpuPercent(raw.cpu_stats, raw.precpu_stats),
      memoryBytes: Math.max(0, (memory.usage ?? 0) - pageCache(memory.stats)),
      memoryLimitBytes: memory.limit ?? 0,
      rxRate: rate(rx, previous?.rx),
      txRate: rate(tx, previous?.tx),
      pids: raw.pids_stats?.current ?? 0,
    },
    cursor: { at, rx, tx },
  };
}
