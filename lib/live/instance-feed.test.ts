import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createInstanceFeed, INSTANCE_CHANNEL, type FeedConnection, type InstanceFeedEvent } from "./instance-feed";

class FakeConnection extends EventEmitter {
  listening = false;
  ended = false;
  async query(sql: string) {
    if (sql === `LISTEN ${INSTANCE_CHANNEL}`) this.listening = true;
  }
  async end() {
    this.ended = true;
  }
  notify(id: string, projectId: string) {
    this.emit("notification", { channel: INSTANCE_CHANNEL, payload: JSON.stringify({ id, projectId }) });
  }
}

function setup() {
  const connections: FakeConnection[] = [];
  const connect = vi.fn(async () => {
    const connection = new FakeConnection();
    connections.push(connection);
    return connection as unknown as FeedConnection;
  });
  const feed = createInstanceFeed({ connect, flushMs: 50, retryMs: 100 });
  const heard = (projectId: string) => {
    const events: InstanceFeedEvent[] = [];
    const stop = feed.subscribe(projectId, (event) => events.push(event));
    return { events, stop };
  };
  return { feed, connect, connections, heard };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("instance feed", () => {
  it("opens one connection for all subscribers and says when they are listening", async () => {
    const { connect, connections, heard } = setup();
    const a = heard("p1");
    const b = heard("p2");
    await vi.waitFor(() => expect(b.events).toEqual([{ type: "listening" }]));
    expect(a.events).toEqual([{ type: "listening" }]);
    expect(connect).toHaveBeenCalledTimes(1);
    expect(connections[0].listening).toBe(true);

    const late = heard("p1");
    await vi.waitFor(() => expect(late.events).toEqual([{ type: "listening" }]));
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it("coalesces a burst into one batch per project and sends each project only its own ids", async () => {
    const { connections, heard } = setup();
    const p1 = heard("p1");
    const p2 = heard("p2");
    await vi.waitFor(() => expect(connections[0]?.listening).toBe(true));
    vi.useFakeTimers();
    for (let i = 0; i < 50; i++) connections[0].notify(`i${i % 10}`, "p1");
    connections[0].notify("other", "p2");
    connections[0].notify("nobody", "p3");
    vi.advanceTimersByTime(60);
    const changed = (events: InstanceFeedEvent[]) => events.filter((e) => e.type === "changed");
    expect(changed(p1.events)).toEqual([{ type: "changed", ids: Array.from({ length: 10 }, (_, i) => `i${i}`) }]);
    expect(changed(p2.events)).toEqual([{ type: "changed", ids: ["other"] }]);
  });

  it("stops delivering after unsubscribe and ignores malformed payloads", async () => {
    const { connections, heard } = setup();
    const p1 = heard("p1");
    await vi.waitFor(() => expect(connections[0]?.listening).toBe(true));
    connections[0].emit("notification", { channel: INSTANCE_CHANNEL, payload: "not json" });
    connections[0].emit("notification", { channel: INSTANCE_CHANNEL, payload: '{"id":1}' });
    p1.stop();
    connections[0].notify("x", "p1");
    await new Promise((r) => setTimeout(r, 80));
    expect(p1.events).toEqual([{ type: "listening" }]);
  });

  it("reconnects after the connection drops and tells subscribers to re-read", async () => {
    const { connect, connections, heard } = setup();
    const p1 = heard("p1");
    await vi.waitFor(() => expect(connections[0]?.listening).toBe(true));
    connections[0].emit("error", new Error("terminating connection due to administrator command"));
    connections[0].emit("end");
    expect(connections[0].ended).toBe(true);
    await vi.waitFor(() => expect(connections[1]?.listening).toBe(true), { timeout: 1000 });
    expect(connect).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(p1.events).toEqual([{ type: "listening" }, { type: "listening" }]));
    connections[1].notify("after", "p1");
    await vi.waitFor(() => expect(p1.events.at(-1)).toEqual({ type: "changed", ids: ["after"] }));
  });

  it("keeps retrying while the database refuses connections", async () => {
    let attempts = 0;
    const feed = createInstanceFeed({
      connect: async () => {
        attempts++;
        if (attempts < 3) throw new Error("ECONNREFUSED");
        return new FakeConnection() as unknown as FeedConnection;
      },
      retryMs: 20,
    });
    const events: InstanceFeedEvent[] = [];
    feed.subscribe("p1", (e) => events.push(e));
    await vi.waitFor(() => expect(events).toEqual([{ type: "listening" }]), { timeout: 1000 });
    expect(attempts).toBe(3);
    await feed.close();
  });
});
