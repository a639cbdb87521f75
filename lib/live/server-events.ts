import "server-only";
import { isBerthError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export type EventChannel = {
  send: (event: string, data: unknown) => void;
  /** Sends a last event (if any) saying why, and closes the stream; whether to try again is the client's call. */
  end: (event?: string, data?: unknown) => void;
};

export type EventSource = (channel: EventChannel) => Promise<() => void>;

const HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-store, no-transform",
  connection: "keep-alive",
  // Proxies such as nginx buffer responses unless told not to.
  "x-accel-buffering": "no",
};

/**
 * A server-sent events response around `open`, which starts whatever feeds the channel and
 * returns how to stop it. It stops when the browser goes away or `end` is called; a comment every
 * `heartbeatMs` keeps proxies from closing a quiet connection. If `open` fails, the stream
 * carries one `end` event with the reason.
 */
export function serverEvents(signal: AbortSignal, open: EventSource, { heartbeatMs = 15_000 } = {}): Response {
  const encoder = new TextEncoder();
  let finish = () => {};
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let live = true;
      let stop: (() => void) | null = null;
      const write = (text: string) => {
        if (!live) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          finish();
        }
      };
      const heartbeat = setInterval(() => write(": keep-alive\n\n"), heartbeatMs);
      finish = () => {
        if (!live) return;
        live = false;
        clearInterval(heartbeat);
        signal.removeEventListener("abort", finish);
        stop?.();
        try {
          controller.close();
        } catch {
          // the browser already went away
        }
      };
      signal.addEventListener("abort", finish);
      const channel: EventChannel = {
        send: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
        end: (event, data) => {
          if (event) channel.send(event, data ?? {});
          finish();
        },
      };
      // The first byte tells the browser the stream is open.
      write("retry: 2000\n\n");
      try {
        const stopper = await open(channel);
        if (live) stop = stopper;
        else stopper();
      } catch (error) {
        channel.end("end", { message: messageOf(error) });
      }
    },
    cancel() {
      finish();
    },
  });
  return new Response(body, { headers: HEADERS });
}

/** What the browser may read about a failure: Berth's own message, or that it was logged. */
export function messageOf(error: unknown): string {
  if (isBerthError(error)) return error.message;
  logger.error({ err: error }, "event stream failed");
  return "Something went wrong on the server; it has been logged.";
}
