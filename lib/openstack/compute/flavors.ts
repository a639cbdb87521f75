import "server-only";
import type { Db } from "@/lib/db/client";
import type { Flavor } from "@/lib/db/generated/client";
import { BerthError } from "@/lib/errors";
import { flavorsForProject } from "@/lib/flavors/list-flavors";
import { createFlavor, deleteFlavor, setFlavorAccess } from "@/lib/flavors/manage-flavors";
import { isUuid } from "@/lib/identity/access";
import { auditActorOf, isAdmin, requirePermission, type ComputeContext, type ScopedCaller } from "../access";
import { json, member, noContent, readJson, type ApiRequest } from "../http";
import { toFlavor, toFlavorRef } from "./flavor-view";
import { limitOf } from "./server-query";
import { extraSpecStrings } from "./server-view";

const notFound = (id: string) => new BerthError("NOT_FOUND", `Flavor ${id} could not be found.`);

/**
 * The flavors a caller sees: a project's (public and shared with it); admins choose with
 * `is_public` (true: public, false: private, none: all), as in Nova.
 */
async function visibleFlavors(db: Db, caller: ScopedCaller, query: URLSearchParams): Promise<Flavor[]> {
  if (!isAdmin(caller)) return flavorsForProject(db, caller.project.id);
  const isPublic = (query.get("is_public") ?? "true").toLowerCase();
  const where = ["none", "all"].includes(isPublic) ? {} : { isPublic: !["false", "0", "no", "f", "n", "off"].includes(isPublic) };
  return db.flavor.findMany({ where, orderBy: [{ vcpus: "asc" }, { ramMiB: "asc" }, { name: "asc" }] });
}

async function flavorOf(db: Db, caller: ScopedCaller, id: string): Promise<Flavor> {
  const flavor = isUuid(id)
    ? await db.flavor.findFirst({ where: { id, ...(isAdmin(caller) ? {} : { OR: [{ isPublic: true }, { access: { some: { projectId: caller.project.id } } }] }) } })
    : null;
  if (!flavor) throw notFound(id);
  return flavor;
}

async function listing(api: ApiRequest, context: ComputeContext, detail: boolean) {
  const { db, caller, version } = context;
  requirePermission(caller, "project:view");
  const minRam = Number(api.query.get("minRam") ?? 0);
  const minDisk = Number(api.query.get("minDisk") ?? 0);
  let flavors = (await visibleFlavors(db, caller, api.query)).filter((f) => f.ramMiB >= minRam && f.diskGiB >= minDisk);
  const marker = api.query.get("marker");
  if (marker) {
    const at = flavors.findIndex((f) => f.id === marker);
    if (at < 0) throw new BerthError("INVALID_INPUT", `marker [${marker}] not found`);
    flavors = flavors.slice(at + 1);
  }
  const limit = limitOf(api.query);
  const page = flavors.slice(0, limit);
  const more = flavors.length > limit && page.length > 0;
  const next = new URLSearchParams(api.query);
  if (more) next.set("marker", page[page.length - 1].id);
  return json({
    flavors: page.map((f) => (detail ? toFlavor(f, api.origin, version) : toFlavorRef(f, api.origin, version))),
    ...(more ? { flavors_links: [{ rel: "next", href: `${api.origin}/compute/v2.1${api.path}?${next}` }] } : {}),
  });
}

export const list = (api: ApiRequest, context: ComputeContext) => listing(api, context, false);
export const detail = (api: ApiRequest, context: ComputeContext) => listing(api, context, true);

export async function show(api: ApiRequest, { db, caller, version }: ComputeContext) {
  requirePermission(caller, "project:view");
  return json({ flavor: toFlavor(await flavorOf(db, caller, api.params.id), api.origin, version) });
}

/**
 * Admins create flavors through the dashboard's rules. Berth chooses flavor ids, has no
 * ephemeral disks, and a private flavor starts shared with the creator's project (Berth keeps no
 * private flavor that no project may use).
 */
export async function create(api: ApiRequest, { db, caller, version }: ComputeContext) {
  requirePermission(caller, "flavor:manage");
  const f = member(await readJson(api), "flavor");
  if (f.id !== undefined && f.id !== null && f.id !== "auto" && f.id !== "") throw new BerthError("INVALID_INPUT", "Berth chooses flavor ids: leave id out.", { id: "chosen by Berth" });
  if (Number(f["OS-FLV-EXT-DATA:ephemeral"] ?? 0) !== 0) throw new BerthError("INVALID_INPUT", "Berth has no ephemeral disks.", { ephemeral: "must be 0" });
  if (f.description) throw new BerthError("INVALID_INPUT", "Berth flavors have no description.", { description: "not supported" });
  const isPublic = f["os-flavor-access:is_public"] !== false;
  const flavor = await createFlavor(db, auditActorOf(caller), {
    name: f.name as string,
    vcpus: Number(f.vcpus),
    ramMiB: Number(f.ram),
    diskGiB: Number(f.disk ?? 0),
    swapMiB: f.swap === "" || f.swap === undefined ? 0 : Number(f.swap),
    isPublic,
    projectIds: isPublic ? [] : [caller.project.id],
  });
  return json({ flavor: toFlavor(flavor, api.origin, version) });
}

export async function remove(api: ApiRequest, { db, caller }: ComputeContext) {
  requirePermission(caller, "flavor:manage");
  if (!isUuid(api.params.id)) throw notFound(api.params.id);
  await deleteFlavor(db, auditActorOf(caller), api.params.id);
  return noContent(202);
}

export async function extraSpecs(api: ApiRequest, { db, caller }: ComputeContext) {
  requirePermission(caller, "project:view");
  return json({ extra_specs: extraSpecStrings((await flavorOf(db, caller, api.params.id)).extraSpecs) });
}

export async function extraSpec(api: ApiRequest, { db, caller }: ComputeContext) {
  requirePermission(caller, "project:view");
  const specs = extraSpecStrings((await flavorOf(db, caller, api.params.id)).extraSpecs);
  if (!(api.params.key in specs)) throw new BerthError("NOT_FOUND", `Flavor ${api.params.id} has no extra specs with key ${api.params.key}.`);
  return json({ [api.params.key]: specs[api.params.key] });
}

/** Instances keep a copy of their flavor, so Berth never edits one: set extra specs when creating it. */
export async function refuseSpecChange(): Promise<Response> {
  throw new BerthError("CONFLICT", "Berth flavors are never edited (instances keep a copy of theirs): create a new flavor with the extra specs instead.");
}

async function accessList(db: Db, flavorId: string) {
  const rows = await db.flavorAccess.findMany({ where: { flavorId }, orderBy: { projectId: "asc" } });
  return { flavor_access: rows.map((r) => ({ flavor_id: flavorId, tenant_id: r.projectId })) };
}

export async function access(api: ApiRequest, { db, caller }: ComputeContext) {
  requirePermission(caller, "flavor:manage");
  const flavor = await flavorOf(db, caller, api.params.id);
  if (flavor.isPublic) throw new BerthError("NOT_FOUND", "Access list not available for public flavors.");
  return json(await accessList(db, flavor.id));
}

/** addTenantAccess / removeTenantAccess, through the dashboard's setFlavorAccess. */
export async function flavorAction(api: ApiRequest, { db, caller }: ComputeContext) {
  requirePermission(caller, "flavor:manage");
  const body = await readJson(api);
  const add = body.addTenantAccess as { tenant?: string } | undefined;
  const removeAccess = body.removeTenantAccess as { tenant?: string } | undefined;
  const tenant = (add ?? removeAccess)?.tenant;
  if (!tenant) throw new BerthError("INVALID_INPUT", "Give addTenantAccess or removeTenantAccess with a tenant.");
  if (!isUuid(tenant) || !(await db.project.count({ where: { id: tenant } }))) throw new BerthError("INVALID_INPUT", `Project ${tenant} not found.`);
  const flavor = await flavorOf(db, caller, api.params.id);
  const current = (await db.flavorAccess.findMany({ where: { flavorId: flavor.id } })).map((a) => a.projectId);
  // A private flavor starts shared with its creator's project, so `flavor create --private --project P` adds P twice.
  if (add && current.includes(tenant)) return json(await accessList(db, flavor.id));
  if (removeAccess && !current.includes(tenant)) throw new BerthError("NOT_FOUND", `Flavor access not found for ${flavor.id} / ${tenant} combination.`);
  await setFlavorAccess(db, auditActorOf(caller), flavor.id, add ? [...current, tenant] : current.filter((p) => p !== tenant));
  return json(await accessList(db, flavor.id));
}
