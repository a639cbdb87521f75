import { describe, expect, it } from "vitest";
import { readServerEvents, serverEventParser, type ServerEvent } from "./read-server-events";

function parsedFrom(chunks: string[]): ServerEvent[] {
  const events: ServerEvent[] = [];
  const parse = serverEventParser((event) => events.push(event));
  for (const chunk of chunks) parse(chunk);
  return events;
}

describe("serverEventParser", () => {
  it("reads named events and skips the retry hint and keep-alive comments", () => {
    const text = 'retry: 2000\n\n: keep-alive\n\nevent: sync\ndata: {}\n\nevent: instances\ndata: {"rows":[]}\n\n';
    expect(parsedFrom([text])).toEqual([
      { event: "sync", data: "{}" },
      { event: "instances", data: '{"rows":[]}' },
    ]);
  });

  it("joins events split across chunks anywhere, CRLF included", () => {
    const text = "event: end\r\ndata: {\"message\":\"bye\"}\r\n\r\n";
    const chunks = Array.from(text, (char) => char);
    expect(parsedFrom(chunks)).toEqual([{ event: "end", data: '{"message":"bye"}' }]);
  });

  it("joins several data lines and names an unnamed event 'message'", () => {
    expect(parsedFrom(["data: one\ndata:two\n\n"])).toEqual([{ event: "message", data: "one\ntwo" }]);
  });

  it("holds an event back until its blank line arrives", () => {
    expect(parsedFrom(["event: sync\ndata: {}\n"])).toEqual([]);
  });
});

describe("readServerEvents", () => {
  it("reads a body to its end, telling of every chunk", async () => {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode("event: sync\nda"));
        controller.enqueue(encoder.encode("ta: {}\n\n: keep-alive\n\n"));
        controller.close();
      },
    });
    const events: ServerEvent[] = [];
    let chunks = 0;
    await readServerEvents(body, (event) => events.push(event), () => chunks++);
    expect(events).toEqual([{ event: "sync", data: "{}" }]);
    expect(chunks).toBe(2);
  });
});
