import "server-only";
import { BerthError } from "@/lib/errors";
import { isUuid } from "@/lib/identity/access";
import { createServerGroup, deleteServerGroup, listServerGroups, type ServerGroupView } from "@/lib/networks/server-groups";
import { requirePermission, type ComputeContext } from "../access";
import { json, member, noContent, readJson, type ApiRequest } from "../http";
import { atLeast } from "./microversion";

/** Nova spells the policy with a dash; 2.64 made it one `policy` instead of a `policies` list. */
const NOVA_POLICY = { affinity: "affinity", anti_affinity: "anti-affinity" } as const;

function toServerGroup(group: ServerGroupView, projectId: string, version: ComputeContext["version"]) {
  const base = { id: group.id, name: group.name, members: group.members.map((m) => m.id), project_id: projectId, user_id: "" };
  const policy = NOVA_POLICY[group.policy];
  return atLeast(version, 64) ? { ...base, policy, rules: {} } : { ...base, policies: [policy], metadata: {} };
}

async function groupsOf({ db, caller }: ComputeContext) {
  return listServerGroups(db, caller.project.id);
}

export async function list(_api: ApiRequest, context: ComputeContext) {
  requirePermission(context.caller, "project:view");
  const groups = await groupsOf(context);
  return json({ server_groups: groups.map((g) => toServerGroup(g, context.caller.project.id, context.version)) });
}

export async function show(api: ApiRequest, context: ComputeContext) {
  requirePermission(context.caller, "project:view");
  const group = (await groupsOf(context)).find((g) => g.id === api.params.id);
  if (!group) throw new BerthError("NOT_FOUND", `Server group ${api.params.id} could not be found.`);
  return json({ server_group: toServerGroup(group, context.caller.project.id, context.version) });
}

export async function create(api: ApiRequest, context: ComputeContext) {
  requirePermission(context.caller, "network:manage");
  const body = member(await readJson(api), "server_group");
  const asked = typeof body.policy === "string" ? body.policy : Array.isArray(body.policies) ? body.policies[0] : undefined;
  const policy = asked === "affinity" ? "affinity" : asked === "anti-affinity" ? "anti_affinity" : null;
  if (!policy) {
    throw new BerthError("INVALID_INPUT", `Berth supports the server group policies affinity and anti-affinity, not ${String(asked)}.`, { policy: "affinity or anti-affinity" });
  }
  const created = await createServerGroup(context.db, context.caller.project.id, { name: String(body.name ?? ""), policy });
  const group = (await groupsOf(context)).find((g) => g.id === created.id)!;
  return json({ server_group: toServerGroup(group, context.caller.project.id, context.version) });
}

export async function remove(api: ApiRequest, context: ComputeContext) {
  requirePermission(context.caller, "network:manage");
  if (!isUuid(api.params.id)) throw new BerthError("NOT_FOUND", `Server group ${api.params.id} could not be found.`);
  await deleteServerGroup(context.db, context.caller.project.id, api.params.id);
  return noContent();
}
