import { cn } from "./class-names";

/** A grey block standing in for content on its way; give it the size of what will replace it. */
export function Skeleton({ className }: { className?: string }) {
  return <span aria-hidden className={cn("block animate-pulse rounded bg-slate-200", className)} />;
}

/** A `DataTable` on its way: header and rows at their final heights. */
export function TableSkeleton({ rows }: { rows: number }) {
  return (
    <div aria-hidden className="overflow-hidden rounded-md border border-slate-200 bg-white">
      <div className="h-8 border-b border-slate-200 bg-slate-50" />
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="flex h-9 items-center gap-4 border-b border-slate-100 px-3 last:border-b-0">
          <Skeleton className="h-3 w-1/4" />
          <Skeleton className="h-3 w-1/6" />
          <Skeleton className="ml-auto h-3 w-1/5" />
        </div>
      ))}
    </div>
  );
}
