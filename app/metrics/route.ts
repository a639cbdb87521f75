import { db } from "@/lib/db/client";
import { collectMetrics } from "@/lib/metrics/collect";

export const dynamic = "force-dynamic";

/** Prometheus scrape target, in the text exposition format. */
export async function GET(): Promise<Response> {
  return new Response(await collectMetrics(db()), {
    headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8", "cache-control": "no-store" },
  });
}
