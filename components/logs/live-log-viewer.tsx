"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useLiveInstance } from "@/components/instance-detail/live-instance";
import { LogViewer, type InitialLog } from "./log-viewer";

/**
 * The log viewer, following while the instance runs. An instance with no log yet (still being
 * built) is read again once it runs, so its first lines show without a reload.
 */
export function LiveLogViewer(props: { api: string; name: string; initial: InitialLog }) {
  const { row } = useLiveInstance();
  const router = useRouter();
  const running = row.powerState === "running";
  const waiting = "error" in props.initial;
  useEffect(() => {
    if (waiting && running) router.refresh();
  }, [waiting, running, router]);
  return <LogViewer key={waiting ? "waiting" : "log"} {...props} running={running} />;
}
