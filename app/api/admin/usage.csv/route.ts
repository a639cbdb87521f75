import { db } from "@/lib/db/client";
import { currentUser } from "@/lib/identity/request-user";
import { parseUsagePeriod, usageCsvFilename, usagePeriodQuery } from "@/lib/usage/usage-period";
import { usageCsv, usageReport } from "@/lib/usage/usage-report";

export const dynamic = "force-dynamic";

/** Every project's usage for the admin usage page's period, as CSV. Anyone but an admin gets a 404. */
export async function GET(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return Response.json({ error: { code: "UNAUTHENTICATED", message: "Your session has ended. Sign in again." } }, { status: 401 });
  if (!user.isAdmin) return Response.json({ error: { code: "NOT_FOUND", message: "Not found." } }, { status: 404 });

  const parsed = parseUsagePeriod(usagePeriodQuery(new URL(request.url).searchParams));
  if (!parsed.ok) {
    return Response.json({ error: { code: "INVALID_INPUT", message: parsed.message, fields: { [parsed.field]: parsed.message } } }, { status: 400 });
  }
  const { period } = parsed;
  const report = await usageReport(db(), null, period.from, period.to);
  return new Response(usageCsv(report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${usageCsvFilename("all-projects", period)}"`,
      "cache-control": "no-store",
    },
  });
}
