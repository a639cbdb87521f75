"use client";

import Link from "next/link";
import { useSelectedLayoutSegment } from "next/navigation";
import { cn } from "@/components/ui/class-names";
import { LinkPending } from "@/components/ui/link-pending";

const TABS = [
  { segment: null, label: "Overview" },
  { segment: "log", label: "Log" },
  { segment: "console", label: "Console" },
  { segment: "actions", label: "Actions" },
  { segment: "stats", label: "Stats" },
] as const;

/**
 * The instance's pages, as links (each is its own URL), marked with the one showing. Switching
 * tabs keeps the current one on screen until the next is ready, rather than flashing a skeleton:
 * React holds a revealed fallback for at least 300 ms, more than most tabs take to load.
 */
export function InstanceTabs({ base }: { base: string }) {
  const segment = useSelectedLayoutSegment();
  return (
    <nav aria-label="Instance" className="-mx-3 overflow-x-auto border-b border-slate-200 px-3 md:mx-0 md:px-0">
      <ul className="flex gap-1">
        {TABS.map((tab) => {
          const active = tab.segment === segment;
          return (
            <li key={tab.label}>
              <Link
                href={tab.segment ? `${base}/${tab.segment}` : base}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "relative -mb-px block whitespace-nowrap rounded-t-md border-b-2 px-3 py-2",
                  active ? "border-sky-700 font-medium text-sky-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {tab.label}
                <LinkPending className="inset-x-2" />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
