import { db } from "@/lib/db/client";
import { projectAccessForRoute, refusedResponse } from "@/lib/identity/route-access";
import { parseUsagePeriod, usageCsvFilename, usagePeriodQuery } from "@/lib/usage/usage-period";
import { usageCsv, usageReport } from "@/lib/usage/usage-report";

export const dynamic = "force-dynamic";

/** The usage summary of the overview as CSV, for the period in the query (the page's own query). */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  const { projectId } = await params;
  const access = await projectAccessForRoute(projectId);
  if (typeof access === "string") return refusedResponse(access);

  const parsed = parseUsagePeriod(usagePeriodQuery(new URL(request.url).searchParams));
  if (!parsed.ok) {
    return Response.json({ error: { code: "INVALID_INPUT", message: parsed.message, fields: { [parsed.field]: parsed.message } } }, { status: 400 });
  }
  const { period } = parsed;
  const [project, report] = await Promise.all([
    db().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } }),
    usageReport(db(), projectId, period.from, period.to),
  ]);
  return new Response(usageCsv(report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${usageCsvFilename(project.name, period)}"`,
      "cache-control": "no-store",
    },
  });
}
