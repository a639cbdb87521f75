import { db } from "@/lib/db/client";
import { projectRoute } from "@/lib/identity/route-access";
import { launchOptions } from "@/lib/instances/launch-options";

export const dynamic = "force-dynamic";

/** Images, flavors, zones and quota left, read fresh each time the launch wizard opens. */
export const GET = projectRoute(async (_request, projectId) =>
  Response.json(await launchOptions(db(), projectId), { headers: { "cache-control": "no-store" } }),
);
