import { memo } from "react";
import { cn } from "@/components/ui/class-names";
import { parseAnsi, type AnsiRun } from "./ansi";
import { splitMatches, type ViewLine } from "./log-window";

/** Every row has this height, so any line's position is known without measuring: what keeps a huge log smooth. */
export const ROW_HEIGHT = 20;

// The 16 ANSI colours, tuned for the dark log background.
const FG = [
  "text-slate-500",
  "text-red-400",
  "text-green-400",
  "text-yellow-300",
  "text-blue-400",
  "text-fuchsia-400",
  "text-cyan-300",
  "text-slate-200",
  "text-slate-400",
  "text-red-300",
  "text-green-300",
  "text-yellow-200",
  "text-blue-300",
  "text-fuchsia-300",
  "text-cyan-200",
  "text-white",
];
const BG = [
  "bg-slate-900",
  "bg-red-900",
  "bg-green-900",
  "bg-yellow-800",
  "bg-blue-900",
  "bg-fuchsia-900",
  "bg-cyan-900",
  "bg-slate-400 text-slate-950",
  "bg-slate-700",
  "bg-red-700",
  "bg-green-700",
  "bg-yellow-600",
  "bg-blue-700",
  "bg-fuchsia-700",
  "bg-cyan-700",
  "bg-slate-200 text-slate-950",
];

function runClass(run: AnsiRun): string | undefined {
  return cn(run.fg !== undefined && FG[run.fg], run.bg !== undefined && BG[run.bg], run.bold && "font-bold") || undefined;
}

/** One log line. Its text only ever becomes React text nodes: markup in a log is shown, never run. */
export const LogRow = memo(function LogRow({
  line,
  top,
  timestamps,
  pattern,
  current,
}: {
  line: ViewLine;
  /** Offset in a virtualised list; absent in the server-rendered first paint. */
  top?: number;
  timestamps: boolean;
  pattern: RegExp | null;
  current: boolean;
}) {
  const style = top === undefined ? { height: ROW_HEIGHT } : { height: ROW_HEIGHT, transform: `translateY(${top}px)` };
  if (line.gap) {
    return (
      <div style={style} className={cn("flex items-center px-3 text-xs text-amber-300 italic", top !== undefined && "absolute inset-x-0 top-0")}>
        … lines were printed faster than they could be followed; download the log for all of them …
      </div>
    );
  }
  return (
    <div
      style={style}
      data-log-line=""
      className={cn(
        "min-w-full whitespace-pre px-3 leading-5",
        top !== undefined && "absolute top-0 left-0",
        line.stderr && "shadow-[inset_2px_0_0_var(--color-red-500)]",
        current && "bg-yellow-900/60",
      )}
    >
      {timestamps && (
        <time dateTime={line.ts} title={line.ts} className="mr-3 text-slate-500 select-none">
          {line.ts.slice(0, 10)} {line.ts.slice(11, 23)}
        </time>
      )}
      {parseAnsi(line.text).map((run, index) => (
        <span key={index} className={runClass(run)}>
          {splitMatches(run.text, pattern).map((part, at) =>
            part.match ? (
              <mark key={at} className="rounded-sm bg-yellow-300 text-slate-950">
                {part.text}
              </mark>
            ) : (
              part.text
            ),
          )}
        </span>
      ))}
    </div>
  );
});
