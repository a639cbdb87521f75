import { Meter } from "./meter";

/** A labelled used / limit pair with its bar. */
export function UsageBar({ label, used, limit, text }: { label: string; used: number; limit: number; text: string }) {
  return (
    <div>
      <div className="mb-1 flex items-baseline justify-between gap-3">
        <span className="font-medium text-slate-700">{label}</span>
        <span className="tabular-nums text-slate-600">{text}</span>
      </div>
      <Meter label={label} value={used} max={limit} valueText={text} />
    </div>
  );
}
