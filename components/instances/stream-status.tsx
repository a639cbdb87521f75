"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/class-names";
import { signInPath } from "@/lib/identity/request-path";
import type { StreamState } from "./use-instance-stream";

const LABEL = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" } as const;

/** Where the live updates stand: live, (re)connecting and why, or paused until the user signs in again. */
export function StreamStatus({ stream, className }: { stream: StreamState; className?: string }) {
  const pathname = usePathname();
  if (stream.state === "signed-out") {
    return (
      <p role="status" className={cn("text-amber-800", className)}>
        Live updates paused: signed out —{" "}
        <Link href={signInPath(pathname)} className="rounded underline hover:text-amber-950">
          sign in again
        </Link>
      </p>
    );
  }
  return (
    <p role="status" className={cn("flex items-center gap-1.5 text-xs text-slate-600", className)}>
      <span aria-hidden className={stream.state === "live" ? "size-2 rounded-full bg-emerald-500" : "size-2 animate-pulse rounded-full bg-amber-400"} />
      {LABEL[stream.state]}
      {stream.state === "reconnecting" && stream.reason && <span className="text-slate-500">{stream.reason}</span>}
    </p>
  );
}
