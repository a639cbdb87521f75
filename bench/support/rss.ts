import { readFileSync, writeFileSync } from "node:fs";
import { median } from "./measure";

const MiB_PER_KiB = 1 / 1024;

/** VmRSS and VmHWM (the kernel's own peak of VmRSS) of a process, in MiB. */
function status(pid: number): { rss: number; hwm: number } {
  const text = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? NaN);
  return { rss: kib("VmRSS") * MiB_PER_KiB, hwm: kib("VmHWM") * MiB_PER_KiB };
}

export type RssWindow = { samples: { at: number; mib: number }[]; sampledPeak: number; kernelPeak: number | null };

/**
 * Resident memory of another process, sampled on a timer. A timer can be late while this process
 * is busy, so the kernel's peak (VmHWM, reset through clear_refs at the start of a window) is read
 * too: it sees every page the process touched, whenever it touched it.
 */
export class RssWatch {
  constructor(private pid: number) {}

  now(): number {
    return status(this.pid).rss;
  }

  /** Median RSS over `ms`: what the process holds at rest. */
  async baseline(ms = 1000, everyMs = 50): Promise<number> {
    const values: number[] = [];
    const until = performance.now() + ms;
    while (performance.now() < until) {
      values.push(this.now());
      await new Promise((r) => setTimeout(r, everyMs));
    }
    return median(values);
  }

  /** Samples every `everyMs` while `work` runs. */
  async during<T>(work: () => Promise<T>, everyMs = 50): Promise<{ result: T; window: RssWindow }> {
    const kernelPeakReset = this.resetKernelPeak();
    const started = performance.now();
    const samples: RssWindow["samples"] = [];
    const sample = () => samples.push({ at: performance.now() - started, mib: this.now() });
    sample();
    const timer = setInterval(sample, everyMs);
    try {
      const result = await work();
      sample();
      const sampledPeak = Math.max(...samples.map((s) => s.mib));
      return { result, window: { samples, sampledPeak, kernelPeak: kernelPeakReset ? status(this.pid).hwm : null } };
    } finally {
      clearInterval(timer);
    }
  }

  /** "5" resets VmHWM to the current RSS (Linux ≥ 4.0; needs the right to write the process's clear_refs). */
  private resetKernelPeak(): boolean {
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, "5");
      return true;
    } catch {
      return false;
    }
  }
}
