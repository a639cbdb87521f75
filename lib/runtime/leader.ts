import "server-only";
import pg from "pg";
import { logger } from "@/lib/logger";

export type Leadership = { stop: () => Promise<void>; isLeader: () => boolean };

/**
 * Runs `lead` on exactly one process at a time: the one holding a Postgres advisory lock on its
 * own connection. If that process dies, its connection closes, the lock is released and a standby
 * takes over within `retryMs`.
 */
export function holdLeadership(
  connectionString: string,
  name: string,
  lead: () => Promise<() => void>,
  retryMs = 2000,
): Leadership {
  let client: pg.Client | null = null;
  let release: (() => void) | null = null;
  let stopped = false;
  let attempting = false;
  let timer: NodeJS.Timeout | null = null;

  const demote = () => {
    release?.();
    release = null;
    client?.end().catch(() => undefined);
    client = null;
  };

  // One attempt at a time: the lock is re-entrant on its connection, so an attempt overlapping a
  // slow start of `lead` would start a second leader in this very process.
  const attempt = async () => {
    if (stopped || release || attempting) return;
    attempting = true;
    try {
      client ??= await connect();
      const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS ok", [name]);
      if (rows[0].ok && !stopped) {
        logger.info({ role: name }, "took the lead");
        release = await lead();
        // stop() came while `lead` was starting: it found nothing to release then.
        if (stopped) demote();
      }
    } catch (error) {
      logger.warn({ role: name, err: error }, "leadership attempt failed");
      demote();
    } finally {
      attempting = false;
    }
  };

  const connect = async () => {
    const c = new pg.Client({ connectionString });
    c.on("error", () => demote());
    await c.connect();
    return c;
  };

  void attempt();
  timer = setInterval(() => void attempt(), retryMs);
  return {
    isLeader: () => release !== null,
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      demote();
    },
  };
}
