"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Redraws the page every few seconds while something on it is still changing (a task running). */
export function RefreshWhileBusy({ busy, everyMs = 3000 }: { busy: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [busy, everyMs, router]);
  return null;
}
