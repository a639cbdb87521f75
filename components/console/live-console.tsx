"use client";

import { useState } from "react";
import { useLiveInstance } from "@/components/instance-detail/live-instance";
import { ConsoleTerminal } from "./console-terminal";

/** The console once the instance runs; before that, why there is none. Once open it stays, to show why it closed. */
export function LiveConsole({ instanceId }: { instanceId: string }) {
  const { row } = useLiveInstance();
  const running = row.status === "ACTIVE" && row.powerState === "running";
  const [opened, setOpened] = useState(running);
  if (running && !opened) setOpened(true);
  if (!opened) {
    return (
      <p role="status" className="rounded-md border border-slate-200 bg-white p-4 text-slate-700">
        {row.name} is {row.status === "BUILD" ? "still being built" : `not running (${row.status})`}: the console opens when it is running.
      </p>
    );
  }
  return <ConsoleTerminal instanceId={instanceId} />;
}
