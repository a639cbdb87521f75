import "server-only";
import type { Db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { isUuid } from "@/lib/identity/access";
import { limitsOf, quotaLimits, quotaUsed, type QuotaResource } from "@/lib/quotas/quotas";
import { updateDefaultQuotas, updateProjectQuotas } from "@/lib/quotas/update-quotas";
import { auditActorOf, isAdmin, requirePermission, type ComputeContext, type ScopedCaller } from "../access";
import { json, member, readJson, type ApiRequest } from "../http";

/**
 * Nova's quota names for Berth's resources. `disk` (GiB) and `published_ports` are Berth's own:
 * Nova leaves disk to placement; `networks` is the name Nova's older microversions used.
 */
const NOVA_KEYS: Record<QuotaResource, string> = {
  instances: "instances",
  cores: "cores",
  ram: "ram",
  disk: "disk",
  networks: "networks",
  ports: "published_ports",
};
const RESOURCE_OF = Object.fromEntries(Object.entries(NOVA_KEYS).map(([r, k]) => [k, r])) as Record<string, QuotaResource>;

const asQuotaSet = (limits: Record<QuotaResource, number>) =>
  Object.fromEntries(Object.entries(limits).map(([resource, limit]) => [NOVA_KEYS[resource as QuotaResource], limit]));

/** The project a quota call names: the caller's own, or any for admins; others' read "not found". */
async function projectFor(db: Db, caller: ScopedCaller, projectId: string): Promise<string> {
  if (projectId === caller.project.id) return projectId;
  const exists = isAdmin(caller) && isUuid(projectId) && (await db.project.count({ where: { id: projectId } })) > 0;
  if (!exists) throw new BerthError("NOT_FOUND", `Project ${projectId} could not be found.`);
  return projectId;
}

const defaultLimits = async (db: Db) => limitsOf(await db.quotaDefault.findMany());

/** GET /limits: what `openstack limits show --absolute` prints, for the token's project (or `tenant_id`, for admins). */
export async function limits(api: ApiRequest, { db, caller }: ComputeContext) {
  requirePermission(caller, "project:view");
  const projectId = await projectFor(db, caller, api.query.get("tenant_id") ?? caller.project.id);
  const [limit, used] = await Promise.all([quotaLimits(db, projectId), quotaUsed(db, projectId)]);
  return json({
    limits: {
      rate: [],
      absolute: {
        maxTotalInstances: limit.instances,
        maxTotalCores: limit.cores,
        maxTotalRAMSize: limit.ram,
        maxTotalDiskGiB: limit.disk,
        totalInstancesUsed: used.instances,
        totalCoresUsed: used.cores,
        totalRAMUsed: used.ram,
        totalDiskGiBUsed: used.disk,
      },
    },
  });
}

export async function show(api: ApiRequest, { db, caller }: ComputeContext) {
  requirePermission(caller, "project:view");
  const projectId = await projectFor(db, caller, api.params.projectId);
  return json({ quota_set: { id: projectId, ...asQuotaSet(await quotaLimits(db, projectId)) } });
}

export async function detail(api: ApiRequest, { db, caller }: ComputeContext) {
  requirePermission(caller, "project:view");
  const projectId = await projectFor(db, caller, api.params.projectId);
  const [limit, used] = await Promise.all([quotaLimits(db, projectId), quotaUsed(db, projectId)]);
  const detailed = Object.fromEntries(
    (Object.keys(NOVA_KEYS) as QuotaResource[]).map((r) => [NOVA_KEYS[r], { limit: limit[r], in_use: used[r], reserved: 0 }]),
  );
  return json({ quota_set: { id: projectId, ...detailed } });
}

export async function defaults(api: ApiRequest, { db, caller }: ComputeContext) {
  requirePermission(caller, "project:view");
  const projectId = await projectFor(db, caller, api.params.projectId);
  return json({ quota_set: { id: projectId, ...asQuotaSet(await defaultLimits(db)) } });
}

/** The limits in a `quota_set` body; Nova quotas Berth does not have are refused by name. */
function limitsIn(body: Record<string, unknown>): Partial<Record<QuotaResource, number>> {
  const set = member(body, "quota_set");
  const limits: Partial<Record<QuotaResource, number>> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(set)) {
    if (key === "force" || key === "id") continue;
    const resource = RESOURCE_OF[key];
    if (!resource) unknown.push(key);
    else limits[resource] = typeof value === "string" ? Number(value) : (value as number);
  }
  if (unknown.length) throw new BerthError("INVALID_INPUT", `Berth has no ${unknown.join(", ")} quota; it limits ${Object.values(NOVA_KEYS).join(", ")}.`);
  return limits;
}

/** PUT /os-quota-sets/{project}: admins set limits; one below current usage is refused, naming the usage. */
export async function update(api: ApiRequest, { db, caller }: ComputeContext) {
  requirePermission(caller, "quota:update");
  const projectId = await projectFor(db, caller, api.params.projectId);
  const limits = await updateProjectQuotas(db, auditActorOf(caller), projectId, limitsIn(await readJson(api)));
  return json({ quota_set: asQuotaSet(limits) });
}

function defaultClass(api: ApiRequest) {
  if (api.params.className !== "default") throw new BerthError("NOT_FOUND", `Berth has only the default quota class, not ${api.params.className}.`);
}

export async function showClass(api: ApiRequest, { db, caller }: ComputeContext) {
  requirePermission(caller, "project:view");
  defaultClass(api);
  return json({ quota_class_set: { id: "default", ...asQuotaSet(await defaultLimits(db)) } });
}

/** PUT /os-quota-class-sets/default: the limits of projects without their own. */
export async function updateClass(api: ApiRequest, { db, caller }: ComputeContext) {
  requirePermission(caller, "quota:update");
  defaultClass(api);
  const body = await readJson(api);
  await updateDefaultQuotas(db, auditActorOf(caller), limitsIn({ quota_set: member(body, "quota_class_set") }));
  return json({ quota_class_set: asQuotaSet(await defaultLimits(db)) });
}
