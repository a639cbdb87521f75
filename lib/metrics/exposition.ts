/** Prometheus text exposition format (version 0.0.4). */
export type Sample = { labels?: Record<string, string>; value: number };
export type Metric = { name: string; help: string; type: "gauge" | "counter"; samples: Sample[] };

function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

export function formatMetrics(metrics: Metric[]): string {
  const lines: string[] = [];
  for (const m of metrics) {
    lines.push(`# HELP ${m.name} ${m.help}`, `# TYPE ${m.name} ${m.type}`);
    for (const s of m.samples) {
      const labels = Object.entries(s.labels ?? {})
        .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
        .join(",");
      lines.push(`${m.name}${labels ? `{${labels}}` : ""} ${Number.isFinite(s.value) ? s.value : "NaN"}`);
    }
  }
  return lines.join("\n") + "\n";
}
