import { db } from "@/lib/db/client";
import { checkHealth } from "@/lib/health/health";

export const dynamic = "force-dynamic";

/** For load balancers and the test runner: 200 while the database answers, 503 when it does not. */
export async function GET(): Promise<Response> {
  const health = await checkHealth(db());
  return Response.json(health, {
    status: health.database.ok ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
