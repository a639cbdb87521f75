import { BerthError } from "@/lib/errors";
import { instanceStatus, type InstanceStatus } from "./status";

/** What can be asked of an instance, and in which statuses it makes sense (Nova's check_instance_state). */
export const INSTANCE_ACTIONS = {
  start: ["SHUTOFF"],
  stop: ["ACTIVE", "PAUSED", "ERROR"],
  reboot: ["ACTIVE"],
  "hard-reboot": ["ACTIVE", "SHUTOFF", "PAUSED", "ERROR"],
  pause: ["ACTIVE"],
  unpause: ["PAUSED"],
  rebuild: ["ACTIVE", "SHUTOFF", "ERROR"],
  resize: ["ACTIVE", "SHUTOFF"],
  snapshot: ["ACTIVE", "SHUTOFF", "PAUSED"],
  lock: ["BUILD", "ACTIVE", "SHUTOFF", "PAUSED", "ERROR", "UNKNOWN", "REBOOT", "HARD_REBOOT", "REBUILD", "RESIZE"],
  unlock: ["BUILD", "ACTIVE", "SHUTOFF", "PAUSED", "ERROR", "UNKNOWN", "REBOOT", "HARD_REBOOT", "REBUILD", "RESIZE"],
  rename: ["BUILD", "ACTIVE", "SHUTOFF", "PAUSED", "ERROR", "UNKNOWN", "REBOOT", "HARD_REBOOT", "REBUILD", "RESIZE"],
  delete: ["BUILD", "ACTIVE", "SHUTOFF", "PAUSED", "ERROR", "UNKNOWN", "REBOOT", "HARD_REBOOT", "REBUILD", "RESIZE"],
  "reset-state": ["BUILD", "ACTIVE", "SHUTOFF", "PAUSED", "ERROR", "UNKNOWN", "REBOOT", "HARD_REBOOT", "REBUILD", "RESIZE"],
  migrate: ["ACTIVE", "SHUTOFF"],
  evacuate: ["ACTIVE", "SHUTOFF", "PAUSED", "ERROR", "UNKNOWN"],
} as const satisfies Record<string, readonly InstanceStatus[]>;

export type InstanceAction = keyof typeof INSTANCE_ACTIONS;

// While a task runs, only these may interrupt it.
const ALLOWED_DURING_TASK: ReadonlySet<InstanceAction> = new Set(["delete", "lock", "unlock", "rename", "reset-state"]);
// A locked instance refuses everything but these, unless an admin asks.
const ALLOWED_WHEN_LOCKED: ReadonlySet<InstanceAction> = new Set(["unlock", "lock"]);

type Gated = { name: string; vmState: string; taskState: string | null; powerState: string; locked: boolean };

export function refusal(instance: Gated, action: InstanceAction, isAdmin: boolean): string | null {
  const status = instanceStatus(instance);
  if (status === "DELETED") return `Instance ${instance.name} is deleted.`;
  if (instance.locked && !isAdmin && !ALLOWED_WHEN_LOCKED.has(action)) {
    return `Instance ${instance.name} is locked: unlock it first.`;
  }
  if (instance.taskState && !ALLOWED_DURING_TASK.has(action)) {
    return `Cannot ${action} instance ${instance.name} while it is busy (${instance.taskState}); try again when the task ends.`;
  }
  const allowed: readonly InstanceStatus[] = INSTANCE_ACTIONS[action];
  if (!allowed.includes(status)) {
    return `Cannot ${action} instance ${instance.name} while it is ${status}: ${action} is allowed when ${allowed.join(" or ")}.`;
  }
  return null;
}

/** Throws CONFLICT with a sentence saying why, when the action does not fit the instance's state. */
export function assertAllowed(instance: Gated, action: InstanceAction, isAdmin = false): void {
  const reason = refusal(instance, action, isAdmin);
  if (reason) throw new BerthError("CONFLICT", reason);
}

/** The actions the UI may offer for an instance in its current state. */
export function availableActions(instance: Gated, isAdmin = false): InstanceAction[] {
  return (Object.keys(INSTANCE_ACTIONS) as InstanceAction[]).filter((a) => refusal(instance, a, isAdmin) === null);
}
