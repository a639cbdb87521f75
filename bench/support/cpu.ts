import { readdirSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";

// USER_HZ: /proc reports CPU time in clock ticks of 1/100 s on Linux.
const TICK_MS = 10;

type Proc = { pid: number; ppid: number; ticks: number };

function readProcs(): Proc[] {
  const procs: Proc[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime, stime, cutime, cstime (fields 14–17): children's time arrives when they are reaped.
      procs.push({ pid: Number(entry), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch {
      // exited while we looked
    }
  }
  return procs;
}

/** CPU milliseconds of the process trees rooted at `roots`. */
function treeMs(procs: Proc[], roots: number[]): number {
  const inTree = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of procs) {
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid);
        grew = true;
      }
    }
  }
  return procs.filter((p) => inTree.has(p.pid)).reduce((sum, p) => sum + p.ticks, 0) * TICK_MS;
}

function machineMs(): { busy: number; total: number } {
  const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: busy * TICK_MS, total: (busy + idle + iowait) * TICK_MS };
}

export type CpuSample = { berth: number; cli: number; postgres: number; engines: number; machineBusy: number; machineTotal: number };

/**
 * Who burnt the CPU: this process (Berth's API + job worker), the `docker` CLI processes it ran
 * (reaped children), PostgreSQL, the Docker engines (dockerd, containerd, shims, runc) and the
 * machine as a whole (the difference is everybody else on it).
 */
export class CpuMeter {
  constructor(
    private postgresPid: number,
    private dockerdPids: number[],
    /** Container shims are re-parented to init; they are found by the containerd socket in their command line. */
    private execRoots: string[],
  ) {}

  private shims(procs: Proc[]): number[] {
    return procs
      .filter((p) => p.ppid === 1)
      .filter((p) => {
        try {
          const cmdline = readFileSync(`/proc/${p.pid}/cmdline`, "utf8");
          return this.execRoots.some((root) => cmdline.includes(`${root}/`));
        } catch {
          return false;
        }
      })
      .map((p) => p.pid);
  }

  sample(): CpuSample {
    const procs = readProcs();
    const self = readFileSync("/proc/self/stat", "utf8");
    const f = self.slice(self.lastIndexOf(")") + 2).split(" ");
    const machine = machineMs();
    return {
      berth: (Number(f[11]) + Number(f[12])) * TICK_MS,
      cli: (Number(f[13]) + Number(f[14])) * TICK_MS,
      postgres: treeMs(procs, [this.postgresPid]),
      engines: treeMs(procs, [...this.dockerdPids, ...this.shims(procs)]),
      machineBusy: machine.busy,
      machineTotal: machine.total,
    };
  }

  static delta(before: CpuSample, after: CpuSample): CpuSample {
    return Object.fromEntries(Object.keys(before).map((k) => [k, after[k as keyof CpuSample] - before[k as keyof CpuSample]])) as CpuSample;
  }

  /** How busy everybody else kept the machine: the share of all cores not used by the bench's processes. */
  static othersShare(before: CpuSample, after: CpuSample): string {
    const d = (k: keyof CpuSample) => after[k] - before[k];
    const others = d("machineBusy") - d("berth") - d("cli") - d("postgres") - d("engines");
    return `${((100 * Math.max(0, others)) / d("machineTotal")).toFixed(0)}% of the machine's CPU (load average now ${loadavg().map((l) => l.toFixed(1)).join(", ")})`;
  }

  /** "CPU 9.1 of 16.0 s (2 cores × wall): engines 5.2, docker CLI 2.1, Berth 0.0, postgres 0.0, others 1.8" */
  static describe(before: CpuSample, after: CpuSample): string {
    const d = (k: keyof CpuSample) => after[k] - before[k];
    const ours = d("berth") + d("cli") + d("postgres") + d("engines");
    const s = (v: number) => (v / 1000).toFixed(1);
    return (
      `CPU ${s(d("machineBusy"))} of ${s(d("machineTotal"))} s (${cpus().length} cores × wall): engines ${s(d("engines"))}, ` +
      `docker CLI ${s(d("cli"))}, Berth process ${s(d("berth"))}, postgres ${s(d("postgres"))}, rest of the machine ${s(Math.max(0, d("machineBusy") - ours))}`
    );
  }
}
