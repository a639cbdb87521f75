import "server-only";
import type Dockerode from "dockerode";
import { MANAGED_FILTER } from "./labels";

export type EventSubscription = { stop: () => void; ended: Promise<Error | null> };

/**
 * Follows the engine's event stream for Berth's containers. The stream is newline-delimited JSON
 * whose lines can be split across chunks, so it is parsed by line. When the daemon dies the
 * stream errors and closes without ending: `ended` resolves with the error so the caller can
 * reconnect and reconcile.
 */
export async function watchContainerEvents(
  docker: Dockerode,
  onEvent: (event: Record<string, unknown>) => void,
): Promise<EventSubscription> {
  const stream = (await docker.getEvents({
    filters: { type: ["container"], label: [MANAGED_FILTER] },
  })) as NodeJS.ReadableStream & { destroy: () => void };
  let buffer = "";
  stream.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line) onEvent(JSON.parse(line) as Record<string, unknown>);
    }
  });
  let stopped = false;
  const ended = new Promise<Error | null>((resolve) => {
    stream.on("error", (error: Error) => resolve(error));
    stream.on("close", () => resolve(stopped ? null : new Error("event stream closed")));
    stream.on("end", () => resolve(stopped ? null : new Error("event stream ended")));
  });
  return {
    stop: () => {
      stopped = true;
      stream.destroy();
    },
    ended,
  };
}
