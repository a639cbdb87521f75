import "server-only";
import type { Db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { isUuid } from "@/lib/identity/access";
import { endpointHostOf } from "@/lib/hosts/host-address";
import { listHosts, type HostSummary } from "@/lib/hosts/list-hosts";
import { setHostEnabled } from "@/lib/hosts/manage-hosts";
import { auditActorOf, requirePermission, type ComputeContext } from "../access";
import { isoMicros, json, readJson, type ApiRequest } from "../http";
import { atLeast } from "./microversion";

/**
 * Every Docker host is one hypervisor and one nova-compute service. Their ids are the host's
 * UUID at every microversion (Nova used integers before 2.53).
 */
const COMPUTE_BINARY = "nova-compute";

/** Docker's version as the integer Nova prints (20.10.24 → 20010024). */
export function versionNumber(version: string | null): number {
  const [major = 0, minor = 0, patch = 0] = (version ?? "").split(/[.-]/).map((n) => Number.parseInt(n, 10) || 0);
  return major * 1_000_000 + minor * 1_000 + patch;
}

const state = (h: HostSummary) => (h.status === "up" ? "up" : "down");
const status = (h: HostSummary) => (h.enabled ? "enabled" : "disabled");

function hypervisorRef(h: HostSummary) {
  return { id: h.id, hypervisor_hostname: h.name, state: state(h), status: status(h) };
}

function hypervisor(h: HostSummary, servers: { uuid: string; name: string }[] | null, context: ComputeContext) {
  return {
    ...hypervisorRef(h),
    host_ip: endpointHostOf(h.endpoint),
    hypervisor_type: "docker",
    hypervisor_version: versionNumber(h.dockerVersion),
    service: { host: h.name, id: h.id, disabled_reason: h.disabledReason },
    vcpus: h.cpus,
    vcpus_used: h.used.vcpus,
    memory_mb: h.memoryMiB,
    memory_mb_used: h.used.ramMiB,
    free_ram_mb: h.memoryMiB - h.used.ramMiB,
    local_gb: h.diskGiB,
    local_gb_used: h.used.diskGiB,
    free_disk_gb: h.diskGiB - h.used.diskGiB,
    disk_available_least: h.diskGiB - h.used.diskGiB,
    current_workload: 0,
    running_vms: h.instanceCount,
    cpu_info: atLeast(context.version, 28) ? {} : "{}",
    ...(servers ? { servers } : {}),
  };
}

async function serversOn(db: Db, hostIds: string[]) {
  const rows = await db.instance.findMany({ where: { hostId: { in: hostIds }, deletedAt: null }, select: { id: true, name: true, hostId: true }, orderBy: { createdAt: "asc" } });
  const byHost = new Map<string, { uuid: string; name: string }[]>();
  for (const r of rows) byHost.set(r.hostId!, [...(byHost.get(r.hostId!) ?? []), { uuid: r.id, name: r.name }]);
  return byHost;
}

async function hypervisors(api: ApiRequest, context: ComputeContext, detail: boolean) {
  requirePermission(context.caller, "host:manage");
  const pattern = api.query.get("hypervisor_hostname_pattern");
  const hosts = (await listHosts(context.db)).filter((h) => !pattern || h.name.includes(pattern));
  const withServers = atLeast(context.version, 53) && api.query.get("with_servers")?.toLowerCase() === "true";
  const servers = withServers ? await serversOn(context.db, hosts.map((h) => h.id)) : null;
  return json({
    hypervisors: hosts.map((h) => {
      const own = servers ? (servers.get(h.id) ?? []) : null;
      return detail ? hypervisor(h, own, context) : { ...hypervisorRef(h), ...(own ? { servers: own } : {}) };
    }),
  });
}

export const listHypervisors = (api: ApiRequest, context: ComputeContext) => hypervisors(api, context, false);
export const detailHypervisors = (api: ApiRequest, context: ComputeContext) => hypervisors(api, context, true);

async function hostOrThrow(db: Db, id: string) {
  const host = isUuid(id) ? (await listHosts(db)).find((h) => h.id === id) : undefined;
  if (!host) throw new BerthError("NOT_FOUND", `Hypervisor with ID ${id} could not be found.`);
  return host;
}

export async function showHypervisor(api: ApiRequest, context: ComputeContext) {
  requirePermission(context.caller, "host:manage");
  const host = await hostOrThrow(context.db, api.params.id);
  const withServers = atLeast(context.version, 53) && api.query.get("with_servers")?.toLowerCase() === "true";
  const servers = withServers ? ((await serversOn(context.db, [host.id])).get(host.id) ?? []) : null;
  return json({ hypervisor: hypervisor(host, servers, context) });
}

/** Before 2.53: `GET /os-hypervisors/{pattern}/search` and `/{id}/servers`. */
export async function searchHypervisors(api: ApiRequest, context: ComputeContext) {
  requirePermission(context.caller, "host:manage");
  const hosts = (await listHosts(context.db)).filter((h) => h.name.includes(api.params.pattern));
  if (!hosts.length) throw new BerthError("NOT_FOUND", `No hypervisor matching '${api.params.pattern}' could be found.`);
  return json({ hypervisors: hosts.map(hypervisorRef) });
}

export async function hypervisorServers(api: ApiRequest, context: ComputeContext) {
  requirePermission(context.caller, "host:manage");
  const hosts = (await listHosts(context.db)).filter((h) => h.name.includes(api.params.pattern) || h.id === api.params.pattern);
  if (!hosts.length) throw new BerthError("NOT_FOUND", `No hypervisor matching '${api.params.pattern}' could be found.`);
  const servers = await serversOn(context.db, hosts.map((h) => h.id));
  return json({ hypervisors: hosts.map((h) => ({ ...hypervisorRef(h), servers: servers.get(h.id) ?? [] })) });
}

export async function hypervisorStatistics(_api: ApiRequest, context: ComputeContext) {
  requirePermission(context.caller, "host:manage");
  const hosts = await listHosts(context.db);
  const sum = (f: (h: HostSummary) => number) => hosts.reduce((n, h) => n + f(h), 0);
  return json({
    hypervisor_statistics: {
      count: hosts.length,
      vcpus: sum((h) => h.cpus),
      vcpus_used: sum((h) => h.used.vcpus),
      memory_mb: sum((h) => h.memoryMiB),
      memory_mb_used: sum((h) => h.used.ramMiB),
      free_ram_mb: sum((h) => h.memoryMiB - h.used.ramMiB),
      local_gb: sum((h) => h.diskGiB),
      local_gb_used: sum((h) => h.used.diskGiB),
      free_disk_gb: sum((h) => h.diskGiB - h.used.diskGiB),
      disk_available_least: sum((h) => h.diskGiB - h.used.diskGiB),
      current_workload: 0,
      running_vms: sum((h) => h.instanceCount),
    },
  });
}

function service(h: HostSummary) {
  return {
    id: h.id,
    binary: COMPUTE_BINARY,
    host: h.name,
    zone: h.availabilityZone,
    status: status(h),
    state: state(h),
    updated_at: isoMicros(h.lastHeartbeatAt),
    disabled_reason: h.disabledReason,
    forced_down: false,
  };
}

export async function listServices(api: ApiRequest, { db, caller }: ComputeContext) {
  requirePermission(caller, "host:manage");
  const binary = api.query.get("binary");
  const host = api.query.get("host");
  const hosts = binary && binary !== COMPUTE_BINARY ? [] : (await listHosts(db)).filter((h) => !host || h.name === host);
  return json({ services: hosts.map(service) });
}

/** Disabling a compute service disables its host for scheduling, with the reason Berth requires. */
async function setService(context: ComputeContext, hostId: string, enabled: boolean, reason: unknown) {
  await setHostEnabled(context.db, auditActorOf(context.caller), hostId, enabled, typeof reason === "string" ? reason : undefined);
  return service(await hostOrThrow(context.db, hostId));
}

const LEGACY_CHANGES = ["enable", "disable", "disable-log-reason"];

/** 2.53 and later: `PUT /os-services/{id}` with `status` (and `disabled_reason`); before, `PUT /os-services/disable` and friends. */
export async function updateService(api: ApiRequest, context: ComputeContext) {
  requirePermission(context.caller, "host:manage");
  const body = await readJson(api);
  if (LEGACY_CHANGES.includes(api.params.id)) return legacyServiceUpdate(body, api.params.id, context);
  if (body.forced_down !== undefined) throw new BerthError("INVALID_INPUT", "Berth notices a down host by itself: forced_down is not supported.");
  const host = await hostOrThrow(context.db, api.params.id);
  if (body.status !== "enabled" && body.status !== "disabled") throw new BerthError("INVALID_INPUT", "status must be enabled or disabled.");
  return json({ service: await setService(context, host.id, body.status === "enabled", body.disabled_reason) });
}

async function legacyServiceUpdate(body: Record<string, unknown>, change: string, context: ComputeContext) {
  const host = (await listHosts(context.db)).find((h) => h.name === body.host);
  if (!host || body.binary !== COMPUTE_BINARY) throw new BerthError("NOT_FOUND", `Compute host ${String(body.host)} could not be found.`);
  const enabled = change === "enable";
  const updated = await setService(context, host.id, enabled, body.disabled_reason);
  return json({ service: { host: updated.host, binary: updated.binary, status: updated.status, ...(enabled ? {} : { disabled_reason: updated.disabled_reason }) } });
}

/** Availability zones are the zones hosts are in; one is available while any of its hosts is up and enabled. */
async function zones(api: ApiRequest, { db }: ComputeContext, detail: boolean) {
  const hosts = await listHosts(db);
  const names = [...new Set(hosts.map((h) => h.availabilityZone))].sort();
  return json({
    availabilityZoneInfo: names.map((zoneName) => {
      const members = hosts.filter((h) => h.availabilityZone === zoneName);
      return {
        zoneName,
        zoneState: { available: members.some((h) => h.enabled && h.status === "up") },
        hosts: detail
          ? Object.fromEntries(
              members.map((h) => [h.name, { [COMPUTE_BINARY]: { available: h.status === "up", active: h.enabled, updated_at: isoMicros(h.lastHeartbeatAt) } }]),
            )
          : null,
      };
    }),
  });
}

export async function listZones(api: ApiRequest, context: ComputeContext) {
  requirePermission(context.caller, "project:view");
  return zones(api, context, false);
}

export async function detailZones(api: ApiRequest, context: ComputeContext) {
  requirePermission(context.caller, "host:manage");
  return zones(api, context, true);
}
