/**
 * The browser's side of a server-sent events stream, read through `fetch` rather than EventSource:
 * the caller sees the HTTP status of a refusal (EventSource hides it) and decides itself when to
 * reconnect.
 */

export type ServerEvent = { event: string; data: string };

/**
 * Splits text/event-stream text, fed chunk by chunk, into events: `event:` and `data:` fields
 * (several data lines join with newlines), a blank line ends an event. Comments (the server's
 * keep-alives) and other fields such as `retry:` are skipped.
 */
export function serverEventParser(onEvent: (event: ServerEvent) => void): (chunk: string) => void {
  let pending = "";
  let event = "";
  let data: string[] = [];
  return (chunk) => {
    const lines = (pending + chunk).split(/\r?\n/);
    pending = lines.pop()!;
    for (const line of lines) {
      if (line === "") {
        if (data.length) onEvent({ event: event || "message", data: data.join("\n") });
        event = "";
        data = [];
        continue;
      }
      const colon = line.indexOf(":");
      if (colon === 0) continue;
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? "" : line.slice(colon + (line[colon + 1] === " " ? 2 : 1));
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
  };
}

/** Reads `body` as events until the server closes it; `onBytes` hears of every chunk, keep-alives included. */
export async function readServerEvents(body: ReadableStream<Uint8Array>, onEvent: (event: ServerEvent) => void, onBytes: () => void): Promise<void> {
  const parse = serverEventParser(onEvent);
  const decoder = new TextDecoder();
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    onBytes();
    parse(decoder.decode(value, { stream: true }));
  }
}
