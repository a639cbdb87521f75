import { db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { keepAuthorized } from "@/lib/instances/instance-access";
import { followLog } from "@/lib/instances/instance-logs";
import { instanceRoute } from "@/lib/instances/instance-route-access";
import type { LogLine } from "@/lib/instances/log-lines";
import { logFollowQuerySchema } from "@/lib/instances/log-query";
import { messageOf, serverEvents } from "@/lib/live/server-events";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Lines printed within this window reach the browser together, as one event.
const BATCH_MS = 25;

/**
 * The log as it grows (server-sent events), from the end of the window the viewer holds:
 * `lines` `{ lines, gap? }`; `end` `{ message }` when the instance stops, the host fails or access ends.
 */
export const GET = instanceRoute("instance:logs", async ({ instance, target, token }, request) => {
  const query = logFollowQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new BerthError("INVALID_INPUT", "Invalid follow request: after must be a timestamp and held a count.");
  const { after, held } = query.data;

  return serverEvents(request.signal, async (channel) => {
    let batch: LogLine[] = [];
    let gap = false;
    let timer: NodeJS.Timeout | null = null;
    const flush = () => {
      timer = null;
      if (batch.length) channel.send("lines", gap ? { lines: batch, gap } : { lines: batch });
      batch = [];
      gap = false;
    };
    const follower = await followLog(db(), instance, after ? { ts: after, held } : null, {
      onLines: (lines, gapBefore) => {
        gap ||= gapBefore;
        for (const line of lines) batch.push(line);
        timer ??= setTimeout(flush, BATCH_MS);
      },
      onEnd: (error) => {
        flush();
        channel.end("end", { message: error ? messageOf(error) : "The instance stopped; its log ends here." });
      },
    });
    const stopChecking = keepAuthorized(token, target, "instance:logs", (message) => channel.end("end", { message }));
    return () => {
      if (timer) clearTimeout(timer);
      stopChecking();
      follower.stop();
    };
  });
});
