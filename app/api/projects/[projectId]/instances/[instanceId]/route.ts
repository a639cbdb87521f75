import { db } from "@/lib/db/client";
import { instanceRoute } from "@/lib/instances/instance-route-access";
import { instanceRowsByIds } from "@/lib/instances/list-instances";

export const dynamic = "force-dynamic";

/** One instance as a row of the list: what the instance page re-reads when live updates resume. */
export const GET = instanceRoute("project:view", async ({ role, target }) => {
  const { rows } = await instanceRowsByIds(db(), { role }, target.projectId, [target.instanceId]);
  return Response.json({ row: rows[0] ?? null }, { headers: { "cache-control": "no-store" } });
});
