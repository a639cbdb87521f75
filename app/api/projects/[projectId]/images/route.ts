import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { can } from "@/lib/identity/permissions";
import { projectAccessForRoute, refusedResponse } from "@/lib/identity/route-access";
import { uploadImage } from "@/lib/images/upload-image";
import { newImageFromQuery } from "@/lib/images/upload-schema";
import { errorResponse } from "@/lib/instances/instance-access";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * Upload: the body is the raw `docker save` archive, streamed straight into the image store
 * (never held in memory); name and metadata come in the query string (`newImageQuery`).
 */
export async function POST(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  const { projectId } = await params;
  const access = await projectAccessForRoute(projectId);
  if (typeof access === "string") return refusedResponse(access);
  try {
    if (!can(access.role, "image:upload")) throw new BerthError("FORBIDDEN", `Your role (${access.role}) does not allow image:upload.`);
    if (!request.body) throw new BerthError("INVALID_INPUT", "The request has no file.", { file: "is required" });
    const image = await uploadImage(
      db(),
      { id: access.user.id, username: access.user.username },
      projectId,
      newImageFromQuery(new URL(request.url).searchParams),
      Readable.fromWeb(request.body as WebReadableStream<Uint8Array>),
    );
    return Response.json({ image: { id: image.id, name: image.name, status: image.status, sizeBytes: Number(image.sizeBytes) } }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
