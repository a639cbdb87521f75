import { can, type Permission, type Role } from "@/lib/identity/permissions";
import { availableActions, type InstanceAction } from "./state-machine";
import { instanceStatus, type InstanceStatus } from "./status";

/** Who needs which permission to ask for each action. */
export const ACTION_PERMISSION: Record<InstanceAction, Permission> = {
  start: "instance:start",
  stop: "instance:stop",
  reboot: "instance:reboot",
  "hard-reboot": "instance:reboot",
  pause: "instance:pause",
  unpause: "instance:pause",
  rebuild: "instance:rebuild",
  resize: "instance:resize",
  snapshot: "instance:snapshot",
  lock: "instance:lock",
  unlock: "instance:lock",
  rename: "instance:rename",
  delete: "instance:delete",
  "reset-state": "instance:reset-state",
  migrate: "instance:migrate",
  evacuate: "instance:evacuate",
};

/** The actions the instance list offers; the others need a form and live on the instance's page. */
export const LIST_ACTIONS = ["start", "stop", "reboot", "hard-reboot", "pause", "unpause", "lock", "unlock", "delete"] as const satisfies readonly InstanceAction[];

export type ListAction = (typeof LIST_ACTIONS)[number];

function isListAction(action: InstanceAction): action is ListAction {
  return (LIST_ACTIONS as readonly InstanceAction[]).includes(action);
}

type Gated = Parameters<typeof availableActions>[0];

// Locking a locked instance is allowed (it updates the reason) but is not worth a menu entry.
const offered = (instance: Gated, action: ListAction) => (action === "lock" ? !instance.locked : action === "unlock" ? instance.locked : true);

/** What this role may ask of the instance now: the state machine's answer, narrowed by permission. */
export function rowActions(instance: Gated, role: Role): ListAction[] {
  return availableActions(instance, role === "admin")
    .filter(isListAction)
    .filter((action) => offered(instance, action) && can(role, ACTION_PERMISSION[action]));
}

/** The columns the list reads from an instance and the names it joins. */
export type InstanceRecord = {
  id: string;
  name: string;
  kind: "machine" | "application";
  imageId: string | null;
  flavorName: string;
  vcpus: number;
  ramMiB: number;
  diskGiB: number;
  vmState: string;
  taskState: string | null;
  powerState: string;
  availabilityZone: string | null;
  createdAt: Date;
  updatedAt: Date;
  locked: boolean;
  lockedReason: string | null;
  faultMessage: string | null;
  image: { name: string } | null;
  host: { name: string; availabilityZone: string } | null;
};

/** One row of the instance list as the browser gets it (plain JSON: it also travels over the live stream). */
export type InstanceRow = {
  id: string;
  name: string;
  kind: "machine" | "application";
  imageId: string | null;
  /** null when the image was deleted after the launch. */
  imageName: string | null;
  flavor: { name: string; vcpus: number; ramMiB: number; diskGiB: number };
  status: InstanceStatus;
  vmState: string;
  task: string | null;
  powerState: string;
  /** Networks come later; until then an instance has no address to show. */
  addresses: string[];
  /** The zone asked for at launch, else the zone of the host it landed on. */
  availabilityZone: string | null;
  createdAt: string;
  /** Which of two copies of a row is newer (the stream and a page fetch can cross). */
  updatedAt: string;
  locked: boolean;
  lockedReason: string | null;
  /** Why it failed, for ERROR rows only. */
  fault: string | null;
  /** The host's name, for admins only (absent for everyone else, null when not placed). */
  host?: string | null;
  actions: ListAction[];
};

export function toInstanceRow(record: InstanceRecord, role: Role): InstanceRow {
  const status = instanceStatus(record);
  return {
    id: record.id,
    name: record.name,
    kind: record.kind,
    imageId: record.imageId,
    imageName: record.image?.name ?? null,
    flavor: { name: record.flavorName, vcpus: record.vcpus, ramMiB: record.ramMiB, diskGiB: record.diskGiB },
    status,
    vmState: record.vmState,
    task: record.taskState,
    powerState: record.powerState,
    addresses: [],
    availabilityZone: record.availabilityZone ?? record.host?.availabilityZone ?? null,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    locked: record.locked,
    lockedReason: record.lockedReason,
    fault: status === "ERROR" ? (record.faultMessage ?? "No reason was recorded.") : null,
    ...(can(role, "host:manage") ? { host: record.host?.name ?? null } : {}),
    actions: rowActions(record, role),
  };
}
