"use client";

import { useEffect, useState, type ReactNode } from "react";
import { useLiveInstance } from "@/components/instance-detail/live-instance";
import { formatSize } from "@/components/ui/format";
import { Sparkline } from "@/components/ui/sparkline";
import type { StatsSample } from "@/lib/instances/stats-sample";

// One reading a second: the charts show the last minute.
const KEEP = 60;

type Feed = { state: "waiting" | "live" | "reconnecting" } | { state: "ended"; message: string };

const rate = (bytesPerSecond: number | null) => (bytesPerSecond === null ? "—" : `${formatSize(Math.round(bytesPerSecond))}/s`);

function Card({ title, value, detail, children }: { title: string; value: ReactNode; detail?: ReactNode; children: ReactNode }) {
  return (
    <section aria-label={title} className="min-w-0 rounded-md border border-slate-200 bg-white p-4">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      <p className="mt-1 text-lg font-semibold tabular-nums text-slate-900">{value}</p>
      <p className="h-5 truncate text-xs text-slate-600 tabular-nums">{detail}</p>
      <div className="mt-2">{children}</div>
    </section>
  );
}

/**
 * Live resource use from Docker's stats stream, while the instance runs: CPU (100 % = one CPU),
 * memory without the page cache, network rates and processes, each with its last minute drawn.
 */
export function StatsPanel({ api }: { api: string }) {
  const { row } = useLiveInstance();
  const running = row.powerState === "running";
  const [samples, setSamples] = useState<StatsSample[]>([]);
  const [feed, setFeed] = useState<Feed>({ state: "waiting" });

  useEffect(() => {
    if (!running) return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      source = new EventSource(`${api}/stats/stream`);
      source.onopen = () => setFeed({ state: "waiting" });
      source.addEventListener("sample", (event) => {
        const sample = JSON.parse((event as MessageEvent<string>).data) as StatsSample;
        setFeed({ state: "live" });
        setSamples((kept) => [...kept.slice(-(KEEP - 1)), sample]);
      });
      source.addEventListener("end", (event) => {
        source?.close();
        setFeed({ state: "ended", message: (JSON.parse((event as MessageEvent<string>).data) as { message: string }).message });
      });
      // A refusal (signed out) or a lost server closes EventSource for good: try again, as the log does.
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED) return;
        setFeed({ state: "reconnecting" });
        retry = setTimeout(connect, 2000);
      };
    };
    connect();
    return () => {
      source?.close();
      clearTimeout(retry);
    };
  }, [api, running]);

  const last = samples.at(-1);
  const cpuMax = Math.max(100 * row.flavor.vcpus, ...samples.map((s) => s.cpuPercent ?? 0));
  const memoryLimit = last?.memoryLimitBytes || row.flavor.ramMiB * 1024 * 1024;
  const netMax = Math.max(1024, ...samples.flatMap((s) => [s.rxRate ?? 0, s.txRate ?? 0]));
  const pidsMax = Math.max(10, ...samples.map((s) => s.pids));

  return (
    <div className="space-y-3">
      <p role="status" className="text-slate-600">
        {!running
          ? `${row.name} is not running: stats show while it runs.`
          : feed.state === "ended"
            ? feed.message
            : feed.state === "reconnecting"
              ? "Reconnecting… (if you signed out, sign in again)"
              : feed.state === "waiting"
              ? "Waiting for the first reading (about a second)…"
              : "Live: one reading a second, the last minute shown."}
      </p>
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <Card
          title="CPU"
          value={last?.cpuPercent != null ? `${last.cpuPercent.toFixed(1)} %` : "—"}
          detail={`100 % = one CPU · ${row.flavor.vcpus} vCPU`}
        >
          <Sparkline label="CPU over the last minute" max={cpuMax} series={[{ values: samples.map((s) => s.cpuPercent), className: "text-sky-600" }]} />
        </Card>
        <Card
          title="Memory"
          value={last ? formatSize(last.memoryBytes) : "—"}
          detail={`of ${formatSize(memoryLimit)}, page cache not counted`}
        >
          <Sparkline label="Memory over the last minute" max={memoryLimit} series={[{ values: samples.map((s) => s.memoryBytes), className: "text-violet-600" }]} />
        </Card>
        <Card
          title="Network"
          value={
            <>
              <span className="text-emerald-700">↓ {rate(last?.rxRate ?? null)}</span> <span className="text-amber-700">↑ {rate(last?.txRate ?? null)}</span>
            </>
          }
          detail="received ↓ and sent ↑, per second"
        >
          <Sparkline
            label="Network over the last minute"
            max={netMax}
            series={[
              { values: samples.map((s) => s.rxRate), className: "text-emerald-600" },
              { values: samples.map((s) => s.txRate), className: "text-amber-600" },
            ]}
          />
        </Card>
        <Card title="Processes" value={last ? last.pids : "—"} detail="running in the container">
          <Sparkline label="Processes over the last minute" max={pidsMax} series={[{ values: samples.map((s) => s.pids), className: "text-slate-600" }]} />
        </Card>
      </div>
    </div>
  );
}
