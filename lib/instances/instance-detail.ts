import "server-only";
import type { Db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { isUuid } from "@/lib/identity/access";
import { can, type Role } from "@/lib/identity/permissions";
import { ADDRESSES_SELECT, currentAddresses, type AddressView } from "@/lib/networks/addresses";
import { toPortView, type PortView } from "@/lib/networks/published-ports";
import { instanceStatus, runningTask, type InstanceStatus } from "./status";

/** What the instance pages show, with times as ISO strings so it crosses to the browser as is. */
export type InstanceDetail = {
  id: string;
  projectId: string;
  name: string;
  kind: "machine" | "application";
  status: InstanceStatus;
  vmState: string;
  taskState: string | null;
  powerState: string;
  locked: boolean;
  lockedReason: string | null;
  flavor: { name: string; vcpus: number; ramMiB: number; diskGiB: number; swapMiB: number };
  image: { id: string; name: string } | null;
  command: string[] | null;
  entrypoint: string[] | null;
  /** Values only for roles that can open a shell (and so read them there anyway); keys for others. */
  env: { name: string; value: string | null }[];
  workingDir: string | null;
  labels: Record<string, string>;
  availabilityZone: string | null;
  /** On each of its networks, the primary first. */
  addresses: AddressView[];
  /** Its container ports reachable from outside; the host's name for admins only. */
  publishedPorts: (Omit<PortView, "hostName"> & { hostName: string | null })[];
  /** Admins only: where it runs. */
  placement: { host: string; containerId: string | null } | null;
  launchedBy: string | null;
  createdAt: string;
  updatedAt: string;
  launchedAt: string | null;
  terminatedAt: string | null;
  fault: { code: number | null; message: string; details: string | null; at: string | null } | null;
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** One instance of a project as its pages show it to `role`; NOT_FOUND outside the project. */
export async function instanceDetail(db: Db, projectId: string, instanceId: string, role: Role): Promise<InstanceDetail> {
  const found = isUuid(instanceId)
    ? await db.instance.findFirst({
        where: { id: instanceId, projectId, deletedAt: null },
        include: {
          image: { select: { id: true, name: true } },
          host: { select: { name: true } },
          user: { select: { username: true } },
          addresses: ADDRESSES_SELECT.addresses,
          publishedPorts: { include: { host: true }, orderBy: { hostPort: "asc" } },
        },
      })
    : null;
  if (!found) throw new BerthError("NOT_FOUND", "Instance not found.");
  const { image, host, user } = found;
  const showValues = can(role, "instance:console");
  const showHost = can(role, "host:manage");
  return {
    id: found.id,
    projectId: found.projectId,
    name: found.name,
    kind: found.kind,
    status: instanceStatus(found),
    vmState: found.vmState,
    taskState: runningTask(found.taskState),
    powerState: found.powerState,
    locked: found.locked,
    lockedReason: found.lockedReason,
    flavor: { name: found.flavorName, vcpus: found.vcpus, ramMiB: found.ramMiB, diskGiB: found.diskGiB, swapMiB: found.swapMiB },
    image,
    command: stringList(found.command),
    entrypoint: stringList(found.entrypoint),
    env: Object.entries(stringMap(found.env)).map(([name, value]) => ({ name, value: showValues ? value : null })),
    workingDir: found.workingDir,
    labels: stringMap(found.labels),
    availabilityZone: found.availabilityZone,
    addresses: currentAddresses(found),
    publishedPorts: found.publishedPorts.map((port) => ({ ...toPortView(port, port.host), hostName: showHost ? port.host.name : null })),
    placement: showHost && host ? { host: host.name, containerId: found.containerId } : null,
    launchedBy: user?.username ?? null,
    createdAt: found.createdAt.toISOString(),
    updatedAt: found.updatedAt.toISOString(),
    launchedAt: iso(found.launchedAt),
    terminatedAt: iso(found.terminatedAt),
    fault:
      found.vmState === "error" && found.faultMessage
        ? { code: found.faultCode, message: found.faultMessage, details: found.faultDetails, at: iso(found.faultAt) }
        : null,
  };
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) ? value.map(String) : null;
}

function stringMap(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}
