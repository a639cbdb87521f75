import { createHash } from "node:crypto";
import { containerName, hostnameOf } from "@/lib/instances/container-spec";
import { instanceStatus, runningTask, type InstanceStatus } from "@/lib/instances/status";
import { isoMicros, isoTime } from "../http";
import { atLeast, type Microversion } from "./microversion";
import { currentAddresses, type AddressesRecord } from "@/lib/networks/addresses";

/** Nova's vm_state `resized` covers a resize from when it is done until it is confirmed or reverted. */
const RESIZED_STATUSES: ReadonlySet<InstanceStatus> = new Set(["VERIFY_RESIZE", "REVERT_RESIZE"]);

/** Nova's power_state numbers (nova/compute/power_state.py). Berth's `unknown` (host unreachable) is NOSTATE. */
export const POWER_STATE_CODES: Record<string, number> = {
  nostate: 0,
  running: 1,
  paused: 3,
  shutdown: 4,
  crashed: 6,
  unknown: 0,
};

/** What a server document is made from: the instance row with its host and image joined. */
export type ServerRecord = {
  id: string;
  name: string;
  projectId: string;
  userId: string | null;
  kind: string;
  imageId: string | null;
  flavorId: string | null;
  flavorName: string;
  vcpus: number;
  ramMiB: number;
  diskGiB: number;
  swapMiB: number;
  flavorExtraSpecs: unknown;
  labels: unknown;
  availabilityZone: string | null;
  vmState: string;
  taskState: string | null;
  powerState: string;
  locked: boolean;
  lockedReason: string | null;
  faultCode: number | null;
  faultMessage: string | null;
  faultDetails: string | null;
  faultAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  launchedAt: Date | null;
  terminatedAt: Date | null;
  host: { name: string; status: string; enabled: boolean; availabilityZone: string } | null;
} & AddressesRecord;

export type ViewOptions = {
  version: Microversion;
  /** `http://host:port` the client used, for links. */
  origin: string;
  /** Admins see where an instance runs; others see only an opaque host id, as in Nova. */
  isAdmin: boolean;
};

const COMPUTE = "/compute/v2.1";

function links(origin: string, kind: string, id: string) {
  return [
    { rel: "self", href: `${origin}${COMPUTE}/${kind}/${id}` },
    { rel: "bookmark", href: `${origin}/compute/${kind}/${id}` },
  ];
}

/** Nova's hostId: a per-project hash of the host, so tenants can tell co-location without learning host names. */
export function hostIdOf(projectId: string, hostName: string | null | undefined): string {
  return hostName ? createHash("sha224").update(projectId + hostName).digest("hex") : "";
}

/** Extra specs as Nova prints them: every value a string. */
export function extraSpecStrings(specs: unknown): Record<string, string> {
  if (!specs || typeof specs !== "object") return {};
  return Object.fromEntries(Object.entries(specs as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

function stringMap(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object") return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => typeof v === "string")) as Record<string, string>;
}

/** Nova's host_status (2.16): UP, DOWN, MAINTENANCE (disabled) or "" when not placed. */
export function hostStatusOf(host: ServerRecord["host"]): string {
  if (!host) return "";
  if (host.status !== "up") return "DOWN";
  return host.enabled ? "UP" : "MAINTENANCE";
}

/** The short form of a server in a list: id, name, links. */
export function toServerRef(record: Pick<ServerRecord, "id" | "name">, origin: string) {
  return { id: record.id, name: record.name, links: links(origin, "servers", record.id) };
}

/** Nova's `addresses`: each network's fixed addresses (Berth's are per host; see docs/networks.md). */
function addressesOf(record: AddressesRecord) {
  const byNetwork: Record<string, { version: number; addr: string; "OS-EXT-IPS:type": string }[]> = {};
  for (const { network, address } of currentAddresses(record)) {
    (byNetwork[network] ??= []).push({ version: 4, addr: address, "OS-EXT-IPS:type": "fixed" });
  }
  return byNetwork;
}

/** A server as Nova's `GET /servers/{id}` shows it at the negotiated microversion. */
export function toServer(record: ServerRecord, { version, origin, isAdmin }: ViewOptions) {
  const status = instanceStatus(record);
  const flavor = atLeast(version, 47)
    ? {
        vcpus: record.vcpus,
        ram: record.ramMiB,
        disk: record.diskGiB,
        ephemeral: 0,
        swap: record.swapMiB,
        original_name: record.flavorName,
        extra_specs: extraSpecStrings(record.flavorExtraSpecs),
      }
    : { id: record.flavorId ?? record.flavorName, links: [{ rel: "bookmark", href: `${origin}/compute/flavors/${record.flavorId ?? record.flavorName}` }] };
  const server: Record<string, unknown> = {
    id: record.id,
    name: record.name,
    status,
    tenant_id: record.projectId,
    user_id: record.userId,
    metadata: stringMap(record.labels),
    hostId: hostIdOf(record.projectId, record.host?.name),
    image: record.imageId ? { id: record.imageId, links: [{ rel: "bookmark", href: `${origin}/compute/images/${record.imageId}` }] } : "",
    flavor,
    created: isoTime(record.createdAt),
    updated: isoTime(record.updatedAt),
    addresses: addressesOf(record),
    accessIPv4: "",
    accessIPv6: "",
    links: links(origin, "servers", record.id),
    "OS-DCF:diskConfig": "MANUAL",
    progress: status === "ACTIVE" ? 100 : 0,
    "OS-EXT-AZ:availability_zone": record.host?.availabilityZone ?? record.availabilityZone ?? "",
    config_drive: "",
    key_name: null,
    "OS-SRV-USG:launched_at": isoMicros(record.launchedAt),
    "OS-SRV-USG:terminated_at": isoMicros(record.terminatedAt),
    "OS-EXT-STS:vm_state": RESIZED_STATUSES.has(status) ? "resized" : record.vmState,
    "OS-EXT-STS:task_state": runningTask(record.taskState),
    "OS-EXT-STS:power_state": POWER_STATE_CODES[record.powerState] ?? 0,
    "os-extended-volumes:volumes_attached": [],
    security_groups: [],
  };
  if (status === "ERROR" && record.faultMessage) {
    server.fault = {
      code: record.faultCode ?? 500,
      message: record.faultMessage,
      created: isoTime(record.faultAt ?? record.updatedAt),
      ...(isAdmin && record.faultDetails ? { details: record.faultDetails } : {}),
    };
  }
  if (isAdmin) {
    Object.assign(server, {
      "OS-EXT-SRV-ATTR:host": record.host?.name ?? null,
      "OS-EXT-SRV-ATTR:hypervisor_hostname": record.host?.name ?? null,
      "OS-EXT-SRV-ATTR:instance_name": containerName(record.id),
    });
    if (atLeast(version, 3)) {
      Object.assign(server, {
        "OS-EXT-SRV-ATTR:hostname": hostnameOf(record.name),
        "OS-EXT-SRV-ATTR:launch_index": 0,
        "OS-EXT-SRV-ATTR:reservation_id": "",
        "OS-EXT-SRV-ATTR:root_device_name": null,
        "OS-EXT-SRV-ATTR:kernel_id": "",
        "OS-EXT-SRV-ATTR:ramdisk_id": "",
        "OS-EXT-SRV-ATTR:user_data": null,
      });
    }
    if (atLeast(version, 16)) server.host_status = hostStatusOf(record.host);
  }
  if (atLeast(version, 9)) server.locked = record.locked;
  if (atLeast(version, 19)) server.description = null;
  if (atLeast(version, 26)) server.tags = [];
  if (atLeast(version, 63)) server.trusted_image_certificates = null;
  if (atLeast(version, 73)) server.locked_reason = record.locked ? record.lockedReason : null;
  return server;
}
