import pg from "pg";
import type { Db } from "@/lib/db/client";
import type { Host } from "@/lib/db/generated/client";
import type { BenchCloud } from "./bench-cloud";
import { median } from "./measure";

/** One timed call: a Prisma operation (`db`) or a Docker API request (`docker`). */
export type Span = { kind: "db" | "docker"; what: string; start: number; end: number };

type Dial = (options: { method?: string; path?: string }, callback: (...args: unknown[]) => void) => void;

/**
 * Times, from outside, every Prisma operation of the job worker and every Docker API request
 * Berth makes, without touching lib/: the process's Prisma client singleton is swapped for an
 * extended one (jobs call `db()` per run; the host monitor keeps its own, uninstrumented) and the
 * host's dockerode modem gets a wrapped `dial`.
 */
export class Profiler {
  readonly spans: Span[] = [];
  db!: Db;

  static async attach(hosts: Host[]): Promise<Profiler> {
    const profiler = new Profiler();
    const { db } = await import("@/lib/db/client");
    const { dockerOf } = await import("@/lib/hosts/host-connection");
    const spans = profiler.spans;
    const extended = db().$extends({
      query: {
        async $allOperations({ model, operation, args, query }) {
          const start = performance.now();
          try {
            return await query(args);
          } finally {
            spans.push({ kind: "db", what: `${model ? `${model}.` : ""}${operation}`, start, end: performance.now() });
          }
        },
      },
    }) as unknown as Db;
    (globalThis as unknown as { berthDb: Db }).berthDb = extended;
    profiler.db = extended;

    for (const host of hosts) {
      const modem = dockerOf(host).docker.modem as unknown as { dial: Dial };
      const dial = modem.dial.bind(modem);
      modem.dial = (options, callback) => {
        const start = performance.now();
        const what = `${options.method} ${normalise(options.path ?? "")}`;
        dial(options, (...result) => {
          spans.push({ kind: "docker", what, start, end: performance.now() });
          callback(...result);
        });
      };
    }
    return profiler;
  }

  between(from: number, to: number): Span[] {
    return this.spans.filter((s) => s.start >= from && s.end <= to);
  }

  clear(): void {
    this.spans.length = 0;
  }
}

function normalise(path: string): string {
  return path
    .replace(/\?.*$/, "")
    .replace(/^\/containers\/[^/]+\//, "/containers/{id}/")
    .replace(/^\/images\/.+\/json$/, "/images/{ref}/json");
}

/** Total time covered by the spans (overlapping ones counted once). */
export function busyTime(spans: Span[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let total = 0;
  let until = -Infinity;
  for (const s of sorted) {
    if (s.end <= until) continue;
    total += s.end - Math.max(s.start, until);
    until = s.end;
  }
  return total;
}

/** Per call kind over `runs` launches: calls per launch, median duration, time per launch. */
export function callTable(spansPerRun: Span[][]): string[] {
  const byWhat = new Map<string, number[]>();
  for (const spans of spansPerRun) for (const s of spans) byWhat.set(s.what, [...(byWhat.get(s.what) ?? []), s.end - s.start]);
  const runs = spansPerRun.length;
  return [...byWhat.entries()]
    .map(([what, durations]) => ({ what, perRun: durations.length / runs, med: median(durations), total: durations.reduce((a, b) => a + b, 0) / runs }))
    .sort((a, b) => b.total - a.total)
    .map((r) => `  ${r.what.padEnd(44)} ${r.perRun.toFixed(1).padStart(5)} × ${r.med.toFixed(2).padStart(6)} ms = ${r.total.toFixed(1).padStart(6)} ms/launch`);
}

type ClientCost = { what: string; wallMs: number; processCpuMs: number; postgresCpuMs: number };

/**
 * What one database round trip costs through Prisma and through a bare `pg` client, for the same
 * single-row read and write of an instance: wall time, and CPU in this process and in PostgreSQL.
 */
export async function measureDbClients(cloud: BenchCloud, instanceId: string, iterations = 500): Promise<string[]> {
  const client = new pg.Client({ connectionString: cloud.url });
  client.on("error", () => {}); // a lost connection fails the query in flight, which reports it
  await client.connect();
  const cases: [string, () => Promise<unknown>][] = [
    ["Prisma instance.findUnique", () => cloud.db.instance.findUnique({ where: { id: instanceId } })],
    ["pg     SELECT * … WHERE id = $1", () => client.query({ name: "read", text: "SELECT * FROM instances WHERE id = $1", values: [instanceId] })],
    ["Prisma instance.update", () => cloud.db.instance.update({ where: { id: instanceId }, data: { taskState: null } })],
    ["pg     UPDATE … WHERE id = $1", () => client.query({ name: "write", text: `UPDATE instances SET "taskState" = NULL, "updatedAt" = now() WHERE id = $1`, values: [instanceId] })],
  ];
  const costs: ClientCost[] = [];
  try {
    for (const [what, call] of cases) {
      for (let i = 0; i < 20; i++) await call(); // warm: prepared statements, query plans, JIT
      const cpu = cloud.cpu.sample();
      const own = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < iterations; i++) await call();
      const wall = performance.now() - started;
      const used = process.cpuUsage(own);
      costs.push({
        what,
        wallMs: wall / iterations,
        processCpuMs: (used.user + used.system) / 1000 / iterations,
        postgresCpuMs: (cloud.cpu.sample().postgres - cpu.postgres) / iterations,
      });
    }
  } finally {
    await client.end();
  }
  return costs.map(
    (c) => `  ${c.what.padEnd(34)} ${c.wallMs.toFixed(2)} ms wall, CPU ${c.processCpuMs.toFixed(2)} ms here + ${c.postgresCpuMs.toFixed(2)} ms in postgres`,
  );
}
