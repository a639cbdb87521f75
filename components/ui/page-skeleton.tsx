/** What a page looks like while its data is on the way. */
export function PageSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">Loading…</span>
      <div className="mb-5 h-6 w-48 rounded bg-slate-200" />
      <div className="overflow-hidden rounded-md border border-slate-200 bg-white">
        <div className="h-8 border-b border-slate-200 bg-slate-100" />
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className="flex gap-4 border-b border-slate-100 px-3 py-3 last:border-b-0">
            <div className="h-3 w-1/4 rounded bg-slate-200" />
            <div className="h-3 w-1/6 rounded bg-slate-100" />
            <div className="h-3 w-1/5 rounded bg-slate-100" />
          </div>
        ))}
      </div>
    </div>
  );
}
