import { projectRoute } from "@/lib/identity/route-access";
import { instanceListStream } from "@/lib/live/instance-list-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Live changes to a project's instance list (server-sent events); members only, anyone else gets 404. */
export const GET = projectRoute(async (request, projectId, access) => instanceListStream(projectId, access, request.signal));
