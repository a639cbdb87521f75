import { formatDuration, formatTimestamp } from "./format";

/** How long ago `date` was, relative to `now` (the render's clock), with the exact time on hover. */
export function RelativeTime({ date, now, suffix = "" }: { date: Date | null; now: Date; suffix?: string }) {
  if (!date) return <span className="text-slate-500">never</span>;
  return (
    <time dateTime={date.toISOString()} title={formatTimestamp(date)} className="whitespace-nowrap">
      {formatDuration(now.getTime() - date.getTime())}
      {suffix}
    </time>
  );
}
