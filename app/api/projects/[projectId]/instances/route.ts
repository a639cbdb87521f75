import { db } from "@/lib/db/client";
import { isBerthError } from "@/lib/errors";
import { projectRoute } from "@/lib/identity/route-access";
import { listInstances } from "@/lib/instances/list-instances";
import { instanceListQuerySchema } from "@/lib/instances/list-query";

export const dynamic = "force-dynamic";

const invalid = (message: string) => Response.json({ error: { code: "INVALID_INPUT", message } }, { status: 400 });

/** One page of a project's instance list (the page's "Load more", sorting and filtering). */
export const GET = projectRoute(async (request, projectId, access) => {
  const parsed = instanceListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    return invalid(`Invalid list request: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  try {
    const page = await listInstances(db(), { role: access.role }, projectId, parsed.data);
    return Response.json(page, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (isBerthError(error) && error.code === "INVALID_INPUT") return invalid(error.message);
    throw error;
  }
});
