import { Readable } from "node:stream";
import { db } from "@/lib/db/client";
import { logDownload } from "@/lib/instances/instance-logs";
import { instanceRoute } from "@/lib/instances/instance-route-access";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The whole log as a file, streamed from the host as it is read (`?timestamps=1` keeps Docker's times). */
export const GET = instanceRoute("instance:logs", async ({ instance }, request) => {
  const timestamps = new URL(request.url).searchParams.get("timestamps") === "1";
  const log = await logDownload(db(), instance, { timestamps });
  request.signal.addEventListener("abort", () => log.destroy());
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return new Response(Readable.toWeb(log) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="${instance.name}-${stamp}.log"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
