import { db } from "@/lib/db/client";
import { keepAuthorized } from "@/lib/instances/instance-access";
import { instanceRoute } from "@/lib/instances/instance-route-access";
import { followStats } from "@/lib/instances/instance-stats";
import { messageOf, serverEvents } from "@/lib/live/server-events";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Live resource use (server-sent events): `sample` about every second; `end` `{ message }` when it stops. */
export const GET = instanceRoute("project:view", async ({ instance, target, token }, request) =>
  serverEvents(request.signal, async (channel) => {
    const follower = await followStats(db(), instance, {
      onSample: (sample) => channel.send("sample", sample),
      onEnd: (error) => channel.end("end", { message: error ? messageOf(error) : "The instance stopped." }),
    });
    const stopChecking = keepAuthorized(token, target, "project:view", (message) => channel.end("end", { message }));
    return () => {
      stopChecking();
      follower.stop();
    };
  }),
);
