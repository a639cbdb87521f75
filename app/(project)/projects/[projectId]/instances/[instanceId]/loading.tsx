import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status">
      <span className="sr-only">Loading…</span>
      <div aria-hidden className="grid gap-4 lg:grid-cols-2">
        {Array.from({ length: 4 }, (_, panel) => (
          <div key={panel} className="rounded-md border border-slate-200 bg-white p-4">
            <Skeleton className="mb-3 h-4 w-24" />
            {Array.from({ length: 4 }, (_, row) => (
              <Skeleton key={row} className="mt-2 h-4 w-2/3" />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
