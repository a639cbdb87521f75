import { USAGE_LEVEL_COLOR, usageFraction, usageLevel } from "./chart-math";
import { cn } from "./class-names";

type MeterValue = { label: string; value: number; max: number; valueText: string };

/** What assistive technology reads of a meter; a negative (unlimited) max still gives a valid range. */
export function meterAttributes({ label, value, max, valueText }: MeterValue) {
  return {
    role: "meter",
    "aria-label": label,
    "aria-valuemin": 0,
    "aria-valuemax": Math.max(max, value, 0),
    "aria-valuenow": value,
    "aria-valuetext": valueText,
  } as const;
}

/** How full something is, as a bar: calm below 70 %, amber from 70 %, red from 90 %. */
export function Meter(meter: MeterValue) {
  const fraction = usageFraction(meter.value, meter.max);
  return (
    <div {...meterAttributes(meter)} className="h-1.5 w-full overflow-hidden rounded-full bg-slate-200">
      <div
        className={cn("h-full rounded-full bg-current", USAGE_LEVEL_COLOR[usageLevel(fraction)])}
        style={{ width: `${(fraction ?? 0) * 100}%` }}
      />
    </div>
  );
}
