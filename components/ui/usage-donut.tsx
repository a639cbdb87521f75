import { ringDash, USAGE_LEVEL_COLOR, usageFraction, usageLevel, usagePercentLabel } from "./chart-math";
import { cn } from "./class-names";
import { meterAttributes } from "./meter";

const RADIUS = 15.5;
const STROKE = 4;

/**
 * A used / limit pair as a ring with the share in its middle and both figures under it, in text,
 * so nothing is only in the picture.
 */
export function UsageDonut({ label, used, limit, text }: { label: string; used: number; limit: number; text: string }) {
  const fraction = usageFraction(used, limit);
  const percent = usagePercentLabel(used, limit);
  const dashArray = ringDash(fraction ?? 0, RADIUS);
  return (
    <figure className="flex min-w-0 flex-col items-center gap-2 text-center">
      <div
        {...meterAttributes({ label, value: used, max: limit, valueText: `${text} (${percent})` })}
        className="relative size-24 shrink-0"
      >
        <svg viewBox="0 0 40 40" className="size-full -rotate-90" aria-hidden>
          <circle cx="20" cy="20" r={RADIUS} fill="none" strokeWidth={STROKE} className="stroke-slate-200" />
          <circle
            cx="20"
            cy="20"
            r={RADIUS}
            fill="none"
            strokeWidth={STROKE}
            strokeDasharray={dashArray}
            className={cn("stroke-current", USAGE_LEVEL_COLOR[usageLevel(fraction)])}
          />
        </svg>
        <span aria-hidden className="absolute inset-0 flex items-center justify-center text-base font-semibold tabular-nums text-slate-900">
          {percent}
        </span>
      </div>
      <figcaption className="min-w-0">
        <span className="block font-medium text-slate-700">{label}</span>
        <span className="block tabular-nums text-slate-600">{text}</span>
      </figcaption>
    </figure>
  );
}
