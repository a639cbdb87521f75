import "server-only";
import { db } from "@/lib/db/client";
import { recheckAccess, type ProjectAccess } from "@/lib/identity/route-access";
import { instanceRowsByIds } from "@/lib/instances/list-instances";
import { logger } from "@/lib/logger";
import { subscribeProjectInstances } from "./instance-feed";
import { serverEvents } from "./server-events";

export type StreamTiming = { heartbeatMs: number; recheckMs: number };

const TIMING: StreamTiming = { heartbeatMs: 15_000, recheckMs: 30_000 };

/**
 * The live half of a project's instance list, as server-sent events:
 * - `sync`: re-read the list (sent once changes are flowing, and again after anything was missed);
 * - `instances`: `{ rows, removed }`, the current rows of changed instances as this viewer may see them;
 * - `end`: `{ message }`, then the stream closes (signed out, or no longer a member); the browser
 *   tries again with backoff, and the answer's status (401, 404) says whether it may.
 * Access is re-checked before every batch and every `recheckMs`.
 */
export function instanceListStream(projectId: string, access: ProjectAccess, signal: AbortSignal, timing = TIMING): Response {
  return serverEvents(
    signal,
    async (channel) => {
      let open = true;
      let role = access.role;
      const pending = new Set<string>();
      let draining = false;

      const allowed = async () => {
        const check = await recheckAccess(access, projectId);
        if ("ended" in check) {
          channel.end("end", { message: check.ended });
          return false;
        }
        role = check.role;
        return true;
      };

      // One batch at a time, so rows reach the browser in the order they were read.
      const drain = async () => {
        if (draining) return;
        draining = true;
        try {
          while (open && pending.size) {
            const ids = [...pending];
            pending.clear();
            if (!(await allowed())) return;
            channel.send("instances", await instanceRowsByIds(db(), { role }, projectId, ids));
          }
        } catch (error) {
          logger.warn({ err: error, projectId }, "instance stream could not read changed rows");
          channel.send("sync", {});
        } finally {
          draining = false;
        }
      };

      const unsubscribe = subscribeProjectInstances(projectId, (change) => {
        if (change.type === "listening") return channel.send("sync", {});
        for (const id of change.ids) pending.add(id);
        void drain();
      });
      const recheck = setInterval(() => void allowed().catch(() => undefined), timing.recheckMs);
      return () => {
        open = false;
        unsubscribe();
        clearInterval(recheck);
      };
    },
    { heartbeatMs: timing.heartbeatMs },
  );
}
