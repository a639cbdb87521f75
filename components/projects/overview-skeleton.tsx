import { PageHeaderSkeleton } from "@/components/ui/page-skeleton";
import { Panel } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import { UsageSummarySkeleton } from "./usage-summary";

/** The overview's layout with grey blocks where its figures go, each the size of what replaces it. */
export function OverviewSkeleton() {
  return (
    <div role="status">
      <span className="sr-only">Loading overview…</span>
      <div aria-hidden>
        <PageHeaderSkeleton />
        <div className="grid gap-4 lg:grid-cols-3">
          <Panel title="Quota usage" className="lg:col-span-2">
            <ul className="grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-4">
              {[0, 1, 2, 3].map((index) => (
                <li key={index} className="flex flex-col items-center gap-2">
                  <span className="block size-24 rounded-full border-[10px] border-slate-200" />
                  <Skeleton className="h-4 w-16" />
                  <Skeleton className="h-4 w-20" />
                </li>
              ))}
            </ul>
          </Panel>
          <Panel title="Instances">
            <Skeleton className="mb-3 h-8 w-44" />
            <Skeleton className="h-5 w-full" />
          </Panel>
        </div>
        <Panel title="Usage" className="mt-4">
          {/* The period picker wraps to more rows on narrower screens. */}
          <Skeleton className="mb-4 h-[182px] w-full sm:h-32 lg:h-[78px]" />
          <UsageSummarySkeleton />
        </Panel>
      </div>
    </div>
  );
}
