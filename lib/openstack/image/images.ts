import "server-only";
import { Readable } from "node:stream";
import type { Db } from "@/lib/db/client";
import type { Image, Prisma } from "@/lib/db/generated/client";
import { BerthError } from "@/lib/errors";
import { isUuid } from "@/lib/identity/access";
import { ImageStore } from "@/lib/images/image-store";
import { deleteImage, updateImage } from "@/lib/images/manage-images";
import { leaveSharedImage, shareImage, unshareImage } from "@/lib/images/share-image";
import type { UpdateImageInput } from "@/lib/images/image-schema";
import { auditActorOf, isAdmin, requirePermission, type ImageContext, type ScopedCaller } from "../access";
import { json, noContent, readJson, type ApiRequest } from "../http";
import { createQueuedImage, uploadImageData } from "./glance-upload";
import { BERTH_PROPERTIES, CORE_ATTRIBUTES, toImage, toMember } from "./image-view";

const notFound = (id: string) => new BerthError("NOT_FOUND", `No image found with ID ${id}`);

/** What a project may see: public images, its own and those shared with it; admins see all. */
function visibleWhere(caller: ScopedCaller): Prisma.ImageWhereInput {
  return isAdmin(caller)
    ? { status: { not: "deleted" } }
    : { status: { not: "deleted" }, OR: [{ visibility: "public" }, { ownerProjectId: caller.project.id }, { members: { some: { projectId: caller.project.id } } }] };
}

async function visibleImage(db: Db, caller: ScopedCaller, id: string): Promise<Image> {
  const image = isUuid(id) ? await db.image.findFirst({ where: { AND: [visibleWhere(caller), { id }] } }) : null;
  if (!image) throw notFound(id);
  return image;
}

/** The project whose images a caller may change: their own; null (any) for admins. */
const ownerScope = (caller: ScopedCaller) => (isAdmin(caller) ? null : caller.project.id);

const SORT_KEYS: Record<string, "name" | "createdAt" | "updatedAt" | "sizeBytes" | "status" | "id"> = {
  name: "name",
  created_at: "createdAt",
  updated_at: "updatedAt",
  size: "sizeBytes",
  status: "status",
  id: "id",
};

/** GET /v2/images with Glance's filters, sort and marker/limit paging. */
export async function list(api: ApiRequest, { db, caller }: ImageContext) {
  requirePermission(caller, "project:view");
  const q = api.query;
  const conditions: Prisma.ImageWhereInput[] = [visibleWhere(caller)];
  const name = q.get("name");
  if (name) conditions.push({ name: name.startsWith("in:") ? { in: name.slice(3).split(",") } : name });
  const visibility = q.get("visibility");
  if (visibility && visibility !== "all") conditions.push({ visibility: visibility as "public" | "private" | "shared" });
  const status = q.get("status");
  if (status) conditions.push({ status: status as Image["status"] });
  const owner = q.get("owner");
  if (owner) conditions.push(isUuid(owner) ? { ownerProjectId: owner } : { id: { in: [] } });
  if (visibility && !["all", "public", "private", "shared"].includes(visibility)) return json({ images: [], first: "/v2/images", schema: "/v2/schemas/images" });

  const sortKey = SORT_KEYS[(q.get("sort_key") ?? q.get("sort")?.split(":")[0] ?? "created_at").trim()];
  if (!sortKey) throw new BerthError("INVALID_INPUT", `Berth cannot sort images by ${q.get("sort_key") ?? q.get("sort")}.`);
  const dir = (q.get("sort_dir") ?? q.get("sort")?.split(":")[1] ?? "desc").trim() === "asc" ? "asc" : "desc";
  const limit = Math.min(Number(q.get("limit") ?? 25) || 25, 1000);
  const markerId = q.get("marker");
  if (markerId) {
    const marker = isUuid(markerId) ? await db.image.findFirst({ where: { AND: [...conditions, { id: markerId }] } }) : null;
    if (!marker) throw new BerthError("INVALID_INPUT", `marker ${markerId} not found`);
    const beyond = dir === "desc" ? "lt" : "gt";
    conditions.push({ OR: [{ [sortKey]: { [beyond]: marker[sortKey] } }, { [sortKey]: marker[sortKey], id: { [beyond]: marker.id } }] });
  }
  const images = await db.image.findMany({ where: { AND: conditions }, orderBy: [{ [sortKey]: dir }, { id: dir }], take: limit + 1 });
  const page = images.slice(0, limit);
  const next = new URLSearchParams(q);
  if (images.length > limit) next.set("marker", page[page.length - 1].id);
  return json({
    images: page.map(toImage),
    first: "/v2/images",
    schema: "/v2/schemas/images",
    ...(images.length > limit ? { next: `/v2/images?${next}` } : {}),
  });
}

export async function show(api: ApiRequest, { db, caller }: ImageContext) {
  requirePermission(caller, "project:view");
  return json(toImage(await visibleImage(db, caller, api.params.id)));
}

/** Free-form properties of a create request: strings only, never Glance's own attributes or Berth's. */
function extraProperties(body: Record<string, unknown>): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (CORE_ATTRIBUTES.includes(key) || key === "kind") continue;
    if (BERTH_PROPERTIES.includes(key)) throw new BerthError("FORBIDDEN", `Attribute '${key}' is read-only.`);
    if (typeof value !== "string") throw new BerthError("INVALID_INPUT", `Property ${key} must be a string.`);
    extra[key] = value;
  }
  return extra;
}

/**
 * POST /v2/images: the record, queued until its data comes. Berth images are `docker save`
 * archives, so the container format must be `docker` (and the disk format, if given, `raw`).
 */
export async function create(api: ApiRequest, { db, caller }: ImageContext) {
  requirePermission(caller, "image:upload");
  const body = await readJson(api);
  if (body.container_format !== "docker") {
    throw new BerthError("INVALID_INPUT", "Berth images are docker save archives: give container_format docker (openstack image create --container-format docker).", { container_format: "must be docker" });
  }
  if (body.disk_format !== undefined && body.disk_format !== null && body.disk_format !== "raw") {
    throw new BerthError("INVALID_INPUT", "Berth images have disk_format raw.", { disk_format: "must be raw" });
  }
  if (body.id) throw new BerthError("INVALID_INPUT", "Berth chooses image ids: leave id out.");
  if (Array.isArray(body.tags) && body.tags.length) throw new BerthError("INVALID_INPUT", "Berth images have no tags.");
  const visibility = (body.visibility as string | undefined) ?? "private";
  if (visibility === "public") requirePermission(caller, "image:manage-all");
  let image = await createQueuedImage(
    db,
    caller.project.id,
    {
      name: (body.name as string | undefined) ?? "",
      visibility: visibility === "public" ? "private" : (visibility as "private" | "shared"),
      minRamMiB: Number(body.min_ram ?? 0),
      minDiskGiB: Number(body.min_disk ?? 0),
      ...(body.kind ? { kind: body.kind as "machine" | "application" } : {}),
    },
    extraProperties(body),
  );
  const changes: UpdateImageInput = {
    ...(visibility === "public" ? { visibility: "public" as const } : {}),
    ...(body.protected === true ? { protected: true } : {}),
  };
  if (Object.keys(changes).length) image = await updateImage(db, auditActorOf(caller), image.id, null, changes);
  return json(toImage(image), 201, { Location: `${api.origin}/image/v2/images/${image.id}` });
}

/** PUT /v2/images/{id}/file: the archive, streamed into the store while it is checked. */
export async function upload(api: ApiRequest, { db, caller }: ImageContext) {
  requirePermission(caller, "image:upload");
  const image = await visibleImage(db, caller, api.params.id);
  if (!isAdmin(caller) && image.ownerProjectId !== caller.project.id) throw new BerthError("FORBIDDEN", `Image ${image.name} belongs to another project.`);
  if (!api.request.body) throw new BerthError("INVALID_INPUT", "Send the archive as the request body.");
  const body = Readable.fromWeb(api.request.body as import("node:stream/web").ReadableStream<Uint8Array>);
  await uploadImageData(db, auditActorOf(caller), image, body);
  return noContent();
}

/** GET /v2/images/{id}/file: the archive as stored, streamed. */
export async function download(api: ApiRequest, { db, caller }: ImageContext) {
  requirePermission(caller, "project:view");
  const image = await visibleImage(db, caller, api.params.id);
  if (image.status !== "active" || !image.archiveDigest) return noContent();
  const stream = new ImageStore().open(image.archiveDigest);
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: { "content-type": "application/octet-stream", "content-length": String(image.sizeBytes) },
  });
}

// Glance attribute → Berth's update field, for JSON-patch.
const PATCHABLE: Record<string, keyof UpdateImageInput> = { name: "name", visibility: "visibility", protected: "protected", min_ram: "minRamMiB", min_disk: "minDiskGiB" };

/** PATCH /v2/images/{id}: Glance's JSON-patch, for the attributes Berth lets an owner change. */
export async function update(api: ApiRequest, { db, caller }: ImageContext) {
  requirePermission(caller, "image:update");
  const text = await api.request.text();
  let ops: unknown;
  try {
    ops = JSON.parse(text || "[]");
  } catch {
    throw new BerthError("INVALID_INPUT", "The request body is not valid JSON.");
  }
  if (!Array.isArray(ops)) throw new BerthError("INVALID_INPUT", "Send a JSON-patch: a list of operations.");
  const changes: Record<string, unknown> = {};
  for (const op of ops as { op?: string; path?: string; value?: unknown }[]) {
    const attribute = op.path?.replace(/^\//, "") ?? "";
    const target = PATCHABLE[attribute];
    if (!target || (op.op !== "replace" && op.op !== "add")) {
      throw new BerthError("FORBIDDEN", `Berth cannot ${op.op ?? "change"} ${attribute || "that"}: it changes name, visibility, protected, min_ram and min_disk.`);
    }
    changes[target] = op.value;
  }
  const image = await updateImage(db, auditActorOf(caller), (await visibleImage(db, caller, api.params.id)).id, ownerScope(caller), changes as UpdateImageInput);
  return json(toImage(image));
}

export async function remove(api: ApiRequest, { db, caller }: ImageContext) {
  requirePermission(caller, "image:delete");
  await deleteImage(db, auditActorOf(caller), (await visibleImage(db, caller, api.params.id)).id, ownerScope(caller));
  return noContent();
}

// ---------- Members ----------

export async function listMembers(api: ApiRequest, { db, caller }: ImageContext) {
  requirePermission(caller, "project:view");
  const image = await visibleImage(db, caller, api.params.id);
  const owner = isAdmin(caller) || image.ownerProjectId === caller.project.id;
  const members = await db.imageMember.findMany({ where: { imageId: image.id, ...(owner ? {} : { projectId: caller.project.id }) } });
  return json({ members: members.map(toMember), schema: "/v2/schemas/members" });
}

export async function showMember(api: ApiRequest, { db, caller }: ImageContext) {
  requirePermission(caller, "project:view");
  const image = await visibleImage(db, caller, api.params.id);
  const allowed = isAdmin(caller) || image.ownerProjectId === caller.project.id || api.params.member === caller.project.id;
  const member = allowed && isUuid(api.params.member) ? await db.imageMember.findUnique({ where: { imageId_projectId: { imageId: image.id, projectId: api.params.member } } }) : null;
  if (!member) throw new BerthError("NOT_FOUND", `${api.params.member} is not a member of image ${image.id}.`);
  return json(toMember(member));
}

export async function addMember(api: ApiRequest, { db, caller }: ImageContext) {
  requirePermission(caller, "image:update");
  const body = await readJson(api);
  const member = await shareImage(db, auditActorOf(caller), (await visibleImage(db, caller, api.params.id)).id, ownerScope(caller), String(body.member ?? ""));
  return json(toMember(member));
}

export async function removeMember(api: ApiRequest, { db, caller }: ImageContext) {
  requirePermission(caller, "image:update");
  await unshareImage(db, auditActorOf(caller), (await visibleImage(db, caller, api.params.id)).id, ownerScope(caller), api.params.member);
  return noContent();
}

/** A member answers a share: accepting changes nothing (it already sees the image); rejecting leaves it. */
export async function updateMember(api: ApiRequest, { db, caller }: ImageContext) {
  requirePermission(caller, "project:view");
  const image = await visibleImage(db, caller, api.params.id);
  if (api.params.member !== caller.project.id) throw new BerthError("FORBIDDEN", "Only the member project answers a share.");
  const status = (await readJson(api)).status;
  if (status === "rejected") {
    await leaveSharedImage(db, auditActorOf(caller), image.id, caller.project.id);
    return json({ image_id: image.id, member_id: caller.project.id, status: "rejected", created_at: null, updated_at: null, schema: "/v2/schemas/member" });
  }
  if (status !== "accepted") throw new BerthError("INVALID_INPUT", "Berth shares at once: a member may accept or reject, not leave a share pending.");
  const member = await db.imageMember.findUnique({ where: { imageId_projectId: { imageId: image.id, projectId: caller.project.id } } });
  if (!member) throw new BerthError("NOT_FOUND", `${caller.project.id} is not a member of image ${image.id}.`);
  return json(toMember(member));
}
