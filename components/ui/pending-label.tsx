"use client";

import { useLinkStatus } from "next/link";
import type { ReactNode } from "react";

/** A link's text that pulses while the page it leads to is on its way: feedback with no change of size. */
export function PendingLabel({ children }: { children: ReactNode }) {
  const { pending } = useLinkStatus();
  return <span className={pending ? "animate-pulse" : undefined}>{children}</span>;
}
