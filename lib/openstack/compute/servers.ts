import "server-only";
import type { Db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { isUuid } from "@/lib/identity/access";
import { launchInstances } from "@/lib/instances/launch-instances";
import { findInstance, renameInstance, requestAction, type Actor } from "@/lib/instances/request-action";
import { actorOf, isAdmin, requirePermission, type ComputeContext } from "../access";
import { json, member, noContent, readJson, type ApiRequest } from "../http";
import { atLeast } from "./microversion";
import { listServers, refOf, SERVER_INCLUDE } from "./server-query";
import { toServer, toServerRef } from "./server-view";

/** Loads a server the caller may see, with what its document needs; anyone else gets Nova's 404. */
export async function serverOf(db: Db, actor: Actor, id: string) {
  try {
    const instance = await findInstance(db, actor, id);
    return await db.instance.findUniqueOrThrow({ where: { id: instance.id }, include: SERVER_INCLUDE });
  } catch (error) {
    if (error instanceof BerthError && error.code === "NOT_FOUND") throw new BerthError("NOT_FOUND", `Instance ${id} could not be found.`);
    throw error;
  }
}

function viewOptions(api: ApiRequest, { caller, version }: ComputeContext) {
  return { version, origin: api.origin, isAdmin: isAdmin(caller) };
}

/** The next-page link Nova adds when a page is full: the same query, continued after its last server. */
function nextLink(api: ApiRequest, base: string, lastId: string) {
  const query = new URLSearchParams(api.query);
  query.set("marker", lastId);
  return [{ rel: "next", href: `${api.origin}/compute/v2.1${base}?${query}` }];
}

async function listing(api: ApiRequest, context: ComputeContext, detail: boolean) {
  requirePermission(context.caller, "project:view");
  const page = await listServers(context.db, context.caller, api.query, context.version);
  const servers = page.records.map((r) => (detail ? toServer(r, viewOptions(api, context)) : toServerRef(r, api.origin)));
  const last = page.records[page.records.length - 1];
  return json({ servers, ...(page.more && last ? { servers_links: nextLink(api, api.path, last.id) } : {}) });
}

export const list = (api: ApiRequest, context: ComputeContext) => listing(api, context, false);
export const detail = (api: ApiRequest, context: ComputeContext) => listing(api, context, true);

export async function show(api: ApiRequest, context: ComputeContext) {
  requirePermission(context.caller, "project:view");
  const record = await serverOf(context.db, actorOf(context.caller, api.requestId), api.params.id);
  const server = toServer(record, viewOptions(api, context));
  return json({ server: atLeast(context.version, 71) ? { ...server, server_groups: record.serverGroupId ? [record.serverGroupId] : [] } : server });
}

const asString = (value: unknown) => (typeof value === "string" ? value : undefined);

/** Fields of a create request Berth cannot honour: refused by name rather than silently dropped. */
function refuseUnsupported(server: Record<string, unknown>) {
  const unsupported: Record<string, (v: unknown) => boolean> = {
    user_data: (v) => !!v,
    key_name: (v) => !!v,
    personality: (v) => Array.isArray(v) && v.length > 0,
    block_device_mapping: (v) => Array.isArray(v) && v.length > 0,
    block_device_mapping_v2: (v) => Array.isArray(v) && v.length > 0,
    security_groups: (v) => Array.isArray(v) && v.some((g) => (g as { name?: string })?.name !== "default"),
    config_drive: (v) => v === true || v === "true" || v === "True",
    adminPass: (v) => !!v,
    description: (v) => !!v,
    tags: (v) => Array.isArray(v) && v.length > 0,
    trusted_image_certificates: (v) => Array.isArray(v) && v.length > 0,
    host: (v) => !!v,
    hypervisor_hostname: (v) => !!v,
    hostname: (v) => !!v,
  };
  for (const [field, used] of Object.entries(unsupported)) {
    if (used(server[field])) throw new BerthError("INVALID_INPUT", `Berth does not support ${field} on a server.`, { [field]: "not supported" });
  }
}

/**
 * The project networks a create asks for: `[{"uuid": …}, …]` in order, or the default network for
 * "auto" (or nothing, before 2.37). Every Berth instance has a network, so "none" is refused.
 */
function networkIdsOf(networks: unknown, needed: boolean): string[] | undefined {
  if (networks === undefined) {
    if (needed) throw new BerthError("INVALID_INPUT", "Microversion 2.37 and later need networks: use \"auto\" or a list of network uuids.", { networks: "is required" });
    return undefined;
  }
  if (networks === "auto" || (Array.isArray(networks) && networks.length === 0)) return undefined;
  if (networks === "none") throw new BerthError("INVALID_INPUT", "Every Berth server has a network: use \"auto\" for the project's default network.", { networks: "none is not supported" });
  const ids = Array.isArray(networks) ? networks.map((n) => (n as { uuid?: unknown })?.uuid) : [];
  if (!ids.length || !ids.every((id): id is string => typeof id === "string" && isUuid(id))) {
    throw new BerthError("INVALID_INPUT", "Berth takes networks as a list of {\"uuid\": <network id>} (fixed_ip and port are not supported).", { networks: "list of network uuids" });
  }
  return ids;
}

function count(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === "string" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n)) throw new BerthError("INVALID_INPUT", `${name} must be an integer.`, { [name]: "must be an integer" });
  return n;
}

/**
 * POST /servers: Nova's create, through the dashboard's launch. The kind (machine or application)
 * comes from metadata `berth:kind`, else the image's own kind; other metadata become labels.
 */
export async function create(api: ApiRequest, context: ComputeContext) {
  const { db, caller, version } = context;
  requirePermission(caller, "instance:launch");
  const body = await readJson(api);
  const server = member(body, "server");
  refuseUnsupported(server);
  const networkIds = networkIdsOf(server.networks, atLeast(version, 37));
  const hints = body["os:scheduler_hints"] as Record<string, unknown> | undefined;
  const group = Array.isArray(hints?.group) ? hints.group[0] : hints?.group;
  const metadata = { ...((server.metadata as Record<string, string> | undefined) ?? {}) };
  const kindAsked = metadata["berth:kind"];
  delete metadata["berth:kind"];
  const imageId = refOf(asString(server.imageRef) ?? "");
  // Only a hint for the kind: launchInstances checks the image is this project's to use.
  const image = isUuid(imageId) ? await db.image.findUnique({ where: { id: imageId }, select: { properties: true } }) : null;
  const imageKind = (image?.properties as { kind?: string } | null)?.kind;
  const zone = asString(server.availability_zone);
  if (zone?.includes(":")) throw new BerthError("INVALID_INPUT", "Berth places servers itself: name a zone, not a host.", { availability_zone: "no host" });

  const { instances, requestId } = await launchInstances(
    db,
    { userId: caller.user.id, projectId: caller.project.id, requestId: api.requestId },
    {
      name: asString(server.name) ?? "",
      imageId,
      flavorId: refOf(asString(server.flavorRef) ?? ""),
      kind: (kindAsked ?? imageKind ?? "machine") as "machine" | "application",
      minCount: count(server.min_count, "min_count") ?? 1,
      maxCount: count(server.max_count, "max_count"),
      availabilityZone: zone || undefined,
      labels: metadata,
      networkIds,
      serverGroupId: typeof group === "string" ? group : undefined,
    },
  );
  const first = instances[0];
  if (server.return_reservation_id === true || server.return_reservation_id === "True") return json({ reservation_id: requestId }, 202);
  return json(
    { server: { id: first.id, links: toServerRef(first, api.origin).links, "OS-DCF:diskConfig": "MANUAL", security_groups: [{ name: "default" }] } },
    202,
    { Location: `${api.origin}/compute/v2.1/servers/${first.id}` },
  );
}

/** PUT /servers/{id}: Berth can change a server's name. */
export async function update(api: ApiRequest, context: ComputeContext) {
  const { db, caller } = context;
  requirePermission(caller, "instance:rename");
  const changes = member(await readJson(api), "server");
  const other = Object.keys(changes).filter((k) => k !== "name" && !(k === "description" && !changes.description));
  if (other.length) throw new BerthError("INVALID_INPUT", `Berth cannot change ${other.join(", ")} of a server.`);
  if (typeof changes.name === "string") await renameInstance(db, actorOf(caller, api.requestId), api.params.id, changes.name);
  return show(api, context);
}

export async function remove(api: ApiRequest, context: ComputeContext) {
  requirePermission(context.caller, "instance:delete");
  await requestAction(context.db, actorOf(context.caller, api.requestId), api.params.id, "delete");
  return noContent();
}
