import { cn } from "./class-names";

/** How full something is, as a bar: calm below 70 %, amber from 70 %, red from 90 %. */
export function Meter({ label, value, max, valueText }: { label: string; value: number; max: number; valueText: string }) {
  const percent = max > 0 ? Math.min(100, (value / max) * 100) : value > 0 ? 100 : 0;
  const fill = percent >= 90 ? "bg-red-500" : percent >= 70 ? "bg-amber-500" : "bg-sky-600";
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
      className="h-1.5 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div className={cn("h-full rounded-full", fill)} style={{ width: `${percent}%` }} />
    </div>
  );
}
