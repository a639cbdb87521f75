import "server-only";
import pg from "pg";
import { logger } from "@/lib/logger";

export const INSTANCE_CHANNEL = "berth_instances";

/**
 * What a subscriber hears: `listening` once changes reach it (and again after a lost connection
 * came back, since changes in between were missed: re-read then), and batches of changed ids.
 */
export type InstanceFeedEvent = { type: "listening" } | { type: "changed"; ids: string[] };
export type InstanceFeedListener = (event: InstanceFeedEvent) => void;

/** The part of a `pg.Client` the feed uses. */
export type FeedConnection = {
  on(event: "notification", handler: (message: { channel: string; payload?: string }) => void): unknown;
  on(event: "error" | "end", handler: () => void): unknown;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
};

export type InstanceFeedOptions = {
  connect: () => Promise<FeedConnection>;
  /** Changes are gathered this long, so a burst of writes reaches subscribers as one batch. */
  flushMs?: number;
  retryMs?: number;
  maxRetryMs?: number;
};

export type InstanceFeed = {
  subscribe: (projectId: string, listener: InstanceFeedListener) => () => void;
  close: () => Promise<void>;
};

/**
 * One LISTEN connection for the whole process, fanned out to subscribers by project. Connects on
 * the first subscription and reconnects with backoff when the connection drops.
 */
export function createInstanceFeed({ connect, flushMs = 75, retryMs = 250, maxRetryMs = 5000 }: InstanceFeedOptions): InstanceFeed {
  const listeners = new Map<string, Set<InstanceFeedListener>>();
  const pending = new Map<string, Set<string>>();
  let connection: FeedConnection | null = null;
  let opening = false;
  let closed = false;
  let delay = retryMs;
  let flushTimer: NodeJS.Timeout | null = null;
  let retryTimer: NodeJS.Timeout | null = null;

  const emit = (listener: InstanceFeedListener, event: InstanceFeedEvent) => {
    try {
      listener(event);
    } catch (error) {
      logger.error({ err: error }, "instance feed subscriber failed");
    }
  };

  const flush = () => {
    flushTimer = null;
    const batch = [...pending];
    pending.clear();
    for (const [projectId, ids] of batch) {
      for (const listener of listeners.get(projectId) ?? []) emit(listener, { type: "changed", ids: [...ids] });
    }
  };

  const onNotification = (message: { channel: string; payload?: string }) => {
    if (message.channel !== INSTANCE_CHANNEL || !message.payload) return;
    let change: { id?: unknown; projectId?: unknown };
    try {
      change = JSON.parse(message.payload);
    } catch {
      return;
    }
    if (typeof change.id !== "string" || typeof change.projectId !== "string" || !listeners.has(change.projectId)) return;
    let ids = pending.get(change.projectId);
    if (!ids) pending.set(change.projectId, (ids = new Set()));
    ids.add(change.id);
    flushTimer ??= setTimeout(flush, flushMs);
  };

  const retryLater = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void open();
    }, delay);
    delay = Math.min(delay * 2, maxRetryMs);
  };

  const open = async () => {
    if (closed || connection || opening || listeners.size === 0) return;
    opening = true;
    let candidate: FeedConnection | null = null;
    try {
      candidate = await connect();
      const current = candidate;
      const dropped = () => {
        if (connection !== current) return;
        connection = null;
        logger.warn("instance feed lost its database connection; reconnecting");
        current.end().catch(() => undefined);
        retryLater();
      };
      current.on("notification", onNotification);
      current.on("error", dropped);
      current.on("end", dropped);
      await current.query(`LISTEN ${INSTANCE_CHANNEL}`);
      connection = current;
      delay = retryMs;
      for (const set of listeners.values()) for (const listener of set) emit(listener, { type: "listening" });
    } catch (error) {
      logger.warn({ err: error }, "instance feed could not listen; retrying");
      candidate?.end().catch(() => undefined);
      retryLater();
    } finally {
      opening = false;
    }
  };

  return {
    subscribe(projectId, listener) {
      let set = listeners.get(projectId);
      if (!set) listeners.set(projectId, (set = new Set()));
      set.add(listener);
      if (connection) queueMicrotask(() => set.has(listener) && emit(listener, { type: "listening" }));
      else void open();
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(projectId) === set) listeners.delete(projectId);
      };
    },
    async close() {
      closed = true;
      if (flushTimer) clearTimeout(flushTimer);
      if (retryTimer) clearTimeout(retryTimer);
      const current = connection;
      connection = null;
      await current?.end().catch(() => undefined);
    },
  };
}

// Next bundles route handlers apart from the custom server: keep one feed per process on globalThis.
const globalForFeed = globalThis as unknown as { berthInstanceFeed?: InstanceFeed };

function processFeed(): InstanceFeed {
  globalForFeed.berthInstanceFeed ??= createInstanceFeed({
    connect: async () => {
      const url = process.env.DATABASE_URL;
      if (!url) throw new Error("DATABASE_URL is not set: Berth's start-up sets it before serving");
      const client = new pg.Client({ connectionString: url, keepAlive: true, application_name: "berth-instance-feed" });
      // An error before the feed attaches its own handler must not crash the process.
      client.on("error", () => undefined);
      await client.connect();
      return client;
    },
  });
  return globalForFeed.berthInstanceFeed;
}

/** Hear about changes to a project's instances; returns the function that stops listening. */
export function subscribeProjectInstances(projectId: string, listener: InstanceFeedListener): () => void {
  return processFeed().subscribe(projectId, listener);
}
