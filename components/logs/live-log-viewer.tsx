"use client";

import { useLiveInstance } from "@/components/instance-detail/live-instance";
import { LogViewer, type InitialLog } from "./log-viewer";

/** The log viewer, following while the instance runs. */
export function LiveLogViewer(props: { api: string; name: string; initial: InitialLog }) {
  const { row } = useLiveInstance();
  return <LogViewer {...props} running={row.powerState === "running"} />;
}
