import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatTimestamp } from "@/components/ui/format";
import type { ActionLogEntry } from "@/lib/instances/instance-action-log";

function Result({ result, finished }: { result: string | null; finished: boolean }) {
  if (!finished) return <Badge tone="info">running</Badge>;
  return <Badge tone={result === "error" ? "danger" : "success"}>{result ?? "done"}</Badge>;
}

function took(start: Date, end: Date | null): string {
  if (!end) return "";
  const ms = end.getTime() - start.getTime();
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Nova's instance action log: one entry per request (who asked, when, how it ended and why it
 * failed), opening to the steps it took.
 */
export function ActionLog({ entries, limit }: { entries: ActionLogEntry[]; limit: number }) {
  if (!entries.length) return <EmptyState title="No actions yet">Every action on this instance is recorded here.</EmptyState>;
  return (
    <div className="space-y-2">
      <div className="overflow-hidden rounded-md border border-slate-200 bg-white">
        <div aria-hidden className="hidden grid-cols-[8rem_1fr_11rem_5rem_auto] gap-x-3 border-b border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-500 md:grid">
          <span>Action</span>
          <span>User</span>
          <span>Started</span>
          <span>Took</span>
          <span>Result</span>
        </div>
        <ol aria-label="Action log" className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <li key={entry.id}>
              <details className="group">
                <summary className="grid cursor-pointer list-none grid-cols-[1fr_auto] gap-x-3 gap-y-0.5 px-3 py-2 hover:bg-slate-50 md:grid-cols-[8rem_1fr_11rem_5rem_auto]">
                  <span className="font-medium text-slate-900">
                    <span aria-hidden className="mr-1 inline-block text-slate-400 transition group-open:rotate-90">
                      ▸
                    </span>
                    {entry.action}
                  </span>
                  <span className="md:order-last">
                    <Result result={entry.result} finished={!!entry.finishedAt} />
                  </span>
                  <span className="truncate text-slate-600">{entry.user ?? "Berth"}</span>
                  <time dateTime={entry.startedAt.toISOString()} className="whitespace-nowrap text-slate-600 tabular-nums">
                    {formatTimestamp(entry.startedAt)}
                  </time>
                  <span className="text-slate-500 tabular-nums">{took(entry.startedAt, entry.finishedAt)}</span>
                  {entry.error && <span className="col-span-full text-red-700">{entry.error}</span>}
                </summary>
                <div className="border-t border-slate-100 bg-slate-50 px-3 py-2 text-slate-700">
                  <p className="text-xs text-slate-500">
                    Request <code className="font-mono">{entry.requestId}</code>
                    {entry.finishedAt && <> · finished {formatTimestamp(entry.finishedAt)}</>}
                  </p>
                  {entry.events.length ? (
                    <ol className="mt-1.5 space-y-1">
                      {entry.events.map((event) => (
                        <li key={event.id} className="grid grid-cols-[6rem_auto_1fr] items-baseline gap-x-3">
                          <span className="font-medium">{event.event}</span>
                          <Result result={event.result} finished={!!event.finishedAt} />
                          <span className="min-w-0 break-words text-slate-600">
                            {took(event.startedAt, event.finishedAt)}
                            {event.details && <> · {event.details}</>}
                          </span>
                        </li>
                      ))}
                    </ol>
                  ) : (
                    <p className="mt-1 text-slate-500">No steps recorded: it took effect at once.</p>
                  )}
                </div>
              </details>
            </li>
          ))}
        </ol>
      </div>
      {entries.length === limit && <p className="text-xs text-slate-500">The latest {limit} actions.</p>}
    </div>
  );
}
