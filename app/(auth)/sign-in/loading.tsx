import { Skeleton } from "@/components/ui/skeleton";

/** The sign-in card at its final size, fields greyed, while the page is on its way. */
export default function Loading() {
  return (
    <main role="status" className="flex min-h-dvh items-center justify-center p-4">
      <span className="sr-only">Loading…</span>
      <div aria-hidden className="w-full max-w-sm">
        <Skeleton className="mx-auto mb-6 h-8 w-28" />
        <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <Skeleton className="h-7 w-20" />
          {[0, 1].map((field) => (
            <div key={field}>
              <Skeleton className="h-5 w-24" />
              <Skeleton className="mt-1 h-8 w-full" />
            </div>
          ))}
          <Skeleton className="h-8 w-full" />
        </div>
      </div>
    </main>
  );
}
