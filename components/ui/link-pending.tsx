"use client";

import { useLinkStatus } from "next/link";
import { cn } from "./class-names";

/**
 * A thin pulsing bar under a link whose page is on its way, for pages without a loading skeleton.
 * Goes inside the `Link`, which must be `relative`; `className` places it sideways.
 */
export function LinkPending({ className }: { className?: string }) {
  const { pending } = useLinkStatus();
  return <span aria-hidden className={cn("absolute -bottom-px h-0.5 rounded bg-sky-400", className, pending ? "animate-pulse" : "hidden")} />;
}
