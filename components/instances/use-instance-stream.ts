"use client";

import { useEffect, useRef, useState } from "react";
import type { InstanceRow } from "@/lib/instances/instance-row";
import { readServerEvents } from "@/lib/live/read-server-events";

/**
 * - `reconnecting`: the stream dropped or the server ended it (`reason`, when it said why);
 * - `signed-out`: the server refused the caller (401/403) until they sign in again.
 * Both keep trying, and turn `live` again once the stream is back.
 */
export type StreamState = { state: "connecting" | "live" | "signed-out" } | { state: "reconnecting"; reason: string | null };

type Handlers = {
  /** Rows changed (or were deleted) since the last batch. */
  onRows: (change: { rows: InstanceRow[]; removed: string[] }) => void;
  /** Changes may have been missed (first connection, or after a drop): read the list again. */
  onSync: () => void;
};

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 15_000;
// The server writes a keep-alive every 15 s: a stream silent for much longer died without closing.
const SILENCE_MS = 40_000;

/** How long to wait before connection attempt `attempt` (0 = the first retry): doubling, capped, with jitter so tabs spread out. */
export function retryDelayMs(attempt: number, random = Math.random()): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt) * (0.75 + random / 2);
}

async function refusalMessage(response: Response): Promise<string> {
  const body = await response.json().catch(() => null);
  return body?.error?.message ?? `The server answered ${response.status}.`;
}

/**
 * Follows the project's instance stream, and keeps following it: whenever it drops, is refused
 * or ended by the server (a restart, a sign-out), it connects again with backoff, at once when
 * the tab comes back into view or the network returns. A signed-out user who signs in again (in
 * any tab) gets live updates back without reloading; `onSync` then reads the list again.
 */
export function useInstanceStream(projectId: string, handlers: Handlers): StreamState {
  const [status, setStatus] = useState<StreamState>({ state: "connecting" });
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    let stopped = false;
    let attempt = 0;
    let connection: AbortController | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let waiting = false;

    const retryLater = (state: StreamState) => {
      setStatus(state);
      waiting = true;
      retry = setTimeout(connect, retryDelayMs(attempt++));
    };

    async function connect() {
      clearTimeout(retry);
      waiting = false;
      const current = new AbortController();
      connection = current;
      let silence: ReturnType<typeof setTimeout> | undefined;
      const heard = () => {
        clearTimeout(silence);
        silence = setTimeout(() => current.abort(), SILENCE_MS);
      };
      let next: StreamState = { state: "reconnecting", reason: null };
      try {
        const response = await fetch(`/api/projects/${projectId}/instances/stream`, {
          signal: current.signal,
          cache: "no-store",
          headers: { accept: "text/event-stream" },
        });
        if (response.status === 401 || response.status === 403) next = { state: "signed-out" };
        else if (!response.ok || !response.body) next = { state: "reconnecting", reason: await refusalMessage(response) };
        else {
          heard();
          await readServerEvents(
            response.body,
            ({ event, data }) => {
              if (event === "sync") {
                attempt = 0;
                setStatus({ state: "live" });
                latest.current.onSync();
              } else if (event === "instances") latest.current.onRows(JSON.parse(data));
              else if (event === "end") next = { state: "reconnecting", reason: JSON.parse(data).message };
            },
            heard,
          );
        }
      } catch {
        // Dropped, unreachable, or aborted: by the silence check (try again) or by unmounting (stop).
      } finally {
        clearTimeout(silence);
      }
      if (!stopped && connection === current) retryLater(next);
    }

    const soon = () => {
      if (waiting && document.visibilityState === "visible") void connect();
    };
    void connect();
    document.addEventListener("visibilitychange", soon);
    window.addEventListener("focus", soon);
    window.addEventListener("online", soon);
    return () => {
      stopped = true;
      clearTimeout(retry);
      connection?.abort();
      document.removeEventListener("visibilitychange", soon);
      window.removeEventListener("focus", soon);
      window.removeEventListener("online", soon);
    };
  }, [projectId]);

  return status;
}
