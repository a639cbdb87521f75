import { describe, expect, it } from "vitest";
import { toSample, type RawStats } from "./stats-sample";

const MiB = 1024 * 1024;

function raw(second: number, over: Partial<RawStats> = {}): RawStats {
  return {
    read: `2026-11-23T10:00:${String(second).padStart(2, "0")}.000000000Z`,
    pids_stats: { current: 3 },
    cpu_stats: { cpu_usage: { total_usage: 1_500_000_000 }, system_cpu_usage: 20_000_000_000, online_cpus: 2 },
    precpu_stats: { cpu_usage: { total_usage: 1_000_000_000 }, system_cpu_usage: 18_000_000_000, online_cpus: 2 },
    memory_stats: { usage: 100 * MiB, limit: 512 * MiB, stats: { cache: 60 * MiB, total_inactive_file: 10 * MiB } },
    networks: { eth0: { rx_bytes: 1000, tx_bytes: 500 }, eth1: { rx_bytes: 24, tx_bytes: 12 } },
    ...over,
  };
}

describe("toSample", () => {
  it("gives CPU as a share of one CPU, like docker stats", () => {
    // 0.5 s of CPU over 2 s of system time on 2 CPUs = 1 s per second of wall time: 50 %.
    expect(toSample(raw(1), null).sample.cpuPercent).toBeCloseTo(50);
  });

  it("has no CPU figure for the first reading, whose previous counters are empty", () => {
    expect(toSample(raw(1, { precpu_stats: { cpu_usage: { total_usage: 0 } } }), null).sample.cpuPercent).toBeNull();
  });

  it("leaves the page cache out of memory (cgroup v1 cache, v2 file)", () => {
    expect(toSample(raw(1), null).sample).toMatchObject({ memoryBytes: 40 * MiB, memoryLimitBytes: 512 * MiB, pids: 3 });
    const v2 = raw(1, { memory_stats: { usage: 100 * MiB, limit: 512 * MiB, stats: { file: 30 * MiB, inactive_file: 5 * MiB } } });
    expect(toSample(v2, null).sample.memoryBytes).toBe(70 * MiB);
    const inactiveOnly = raw(1, { memory_stats: { usage: 100 * MiB, stats: { total_inactive_file: 10 * MiB } } });
    expect(toSample(inactiveOnly, null).sample.memoryBytes).toBe(90 * MiB);
  });

  it("turns network counters into rates over every interface", () => {
    const first = toSample(raw(1), null);
    expect(first.sample).toMatchObject({ rxRate: null, txRate: null });
    const next = toSample(raw(3, { networks: { eth0: { rx_bytes: 3000, tx_bytes: 500 }, eth1: { rx_bytes: 24, tx_bytes: 1012 } } }), first.cursor);
    expect(next.sample).toMatchObject({ rxRate: 1000, txRate: 500 });
  });

  it("reads a reset counter as no traffic rather than a negative rate", () => {
    const first = toSample(raw(1), null);
    expect(toSample(raw(2, { networks: { eth0: { rx_bytes: 10, tx_bytes: 10 } } }), first.cursor).sample.rxRate).toBe(0);
  });
});
