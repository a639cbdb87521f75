import { can, type Permission, type Role } from "@/lib/identity/permissions";
import { currentAddresses, type AddressesRecord } from "@/lib/networks/addresses";
import { availableActions, type InstanceAction } from "./state-machine";
import { instanceStatus, runningTask, type InstanceStatus } from "./status";

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
  "confirm-resize": "instance:resize",
  "revert-resize": "instance:resize",
};

/** The actions the instance list offers; the others need a form and live on the instance's page. */
export const LIST_ACTIONS = [
  "start",
  "stop",
  "reboot",
  "hard-reboot",
  "pause",
  "unpause",
  "confirm-resize",
  "revert-resize",
  "lock",
  "unlock",
  "delete",
] as const satisfies readonly InstanceAction[];

export type ListAction = (typeof LIST_ACTIONS)[number];

function isListAction(action: InstanceAction): action is ListAction {
  return (LIST_ACTIONS as readonly InstanceAction[]).includes(action);
}

/** Actions on one instance that ask for details first (in a dialog), offered beside the list's. */
export const FORM_ACTIONS = ["snapshot"] as const satisfies readonly InstanceAction[];

export type FormAction = (typeof FORM_ACTIONS)[number];

/** What this role may ask of the instance now: the state machine's answer, narrowed by permission. */
export function rowActions(instance: Parameters<typeof availableActions>[0], role: Role): ListAction[] {
  return availableActions(instance, role === "admin")
    .filter(isListAction)
    .filter((action) => can(role, ACTION_PERMISSION[action]));
}

/** The same answer for the actions that take a form. */
export function rowFormActions(instance: Parameters<typeof availableActions>[0], role: Role): FormAction[] {
  const available = availableActions(instance, role === "admin");
  return FORM_ACTIONS.filter((action) => available.includes(action) && can(role, ACTION_PERMISSION[action]));
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
} & AddressesRecord;

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
  /** Its fixed addresses on its networks, on the host it is on now (the primary network first). */
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
  formActions: FormAction[];
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
    task: runningTask(record.taskState),
    powerState: record.powerState,
    addresses: currentAddresses(record).map((a) => a.address),
    availabilityZone: record.availabilityZone ?? record.host?.availabilityZone ?? null,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    locked: record.locked,
    lockedReason: record.lockedReason,
    fault: status === "ERROR" ? (record.faultMessage ?? "No reason was recorded.") : null,
    ...(can(role, "host:manage") ? { host: record.host?.name ?? null } : {}),
    actions: rowActions(record, role),
    formActions: rowFormActions(record, role),
  };
}
