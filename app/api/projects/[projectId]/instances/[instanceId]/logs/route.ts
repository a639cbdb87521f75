import { db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { readLogTail, readOlderLines } from "@/lib/instances/instance-logs";
import { instanceRoute } from "@/lib/instances/instance-route-access";
import { logPageQuerySchema } from "@/lib/instances/log-query";

export const dynamic = "force-dynamic";

/** A page of the log: the last lines, or (with `before`) the lines just before what the viewer holds. */
export const GET = instanceRoute("instance:logs", async ({ instance }, request) => {
  const query = logPageQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new BerthError("INVALID_INPUT", `Invalid log request: ${query.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const { before, held, skip, limit } = query.data;
  const page = before ? await readOlderLines(db(), instance, { before: { ts: before, held }, skip, limit }) : await readLogTail(db(), instance, limit);
  return Response.json(page, { headers: { "cache-control": "no-store" } });
});
