"use client";

import { useEffect, useRef, useState } from "react";
import type { InstanceRow } from "@/lib/instances/instance-row";

export type StreamState = { state: "connecting" | "live" | "reconnecting" } | { state: "ended"; message: string };

type Handlers = {
  /** Rows changed (or were deleted) since the last batch. */
  onRows: (change: { rows: InstanceRow[]; removed: string[] }) => void;
  /** Changes may have been missed (first connection, or after a drop): read the list again. */
  onSync: () => void;
};

/**
 * Follows the project's instance stream. The browser's EventSource reconnects by itself after a
 * network drop; a refusal (signed out, no access) or an `end` event stops it for good.
 */
export function useInstanceStream(projectId: string, handlers: Handlers): StreamState {
  const [status, setStatus] = useState<StreamState>({ state: "connecting" });
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const source = new EventSource(`/api/projects/${projectId}/instances/stream`);
    source.addEventListener("sync", () => {
      setStatus({ state: "live" });
      latest.current.onSync();
    });
    source.addEventListener("instances", (event) => latest.current.onRows(JSON.parse((event as MessageEvent<string>).data)));
    source.addEventListener("end", (event) => {
      source.close();
      setStatus({ state: "ended", message: JSON.parse((event as MessageEvent<string>).data).message });
    });
    source.onerror = () => {
      setStatus(
        source.readyState === EventSource.CLOSED
          ? { state: "ended", message: "The server refused live updates: reload the page, or sign in again." }
          : { state: "reconnecting" },
      );
    };
    return () => source.close();
  }, [projectId]);

  return status;
}
