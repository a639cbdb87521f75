import { Skeleton, TableSkeleton } from "./skeleton";

/** A `PageHeader` on its way: title and description lines at their final heights. */
export function PageHeaderSkeleton() {
  return (
    <div aria-hidden className="mb-4">
      <Skeleton className="h-7 w-48" />
      <Skeleton className="mt-0.5 h-5 w-72 max-w-full" />
    </div>
  );
}

/** What a list page looks like while its data is on the way: header and table at their final sizes. */
export function PageSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div role="status">
      <span className="sr-only">Loading…</span>
      <PageHeaderSkeleton />
      <TableSkeleton rows={rows} />
    </div>
  );
}
