import { BerthError } from "@/lib/errors";
import { instanceStatus, LIVE_STATUSES, RESIZED, runningTask, type InstanceStatus } from "./status";

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
  "confirm-resize": ["VERIFY_RESIZE"],
  "revert-resize": ["VERIFY_RESIZE"],
  snapshot: ["ACTIVE", "SHUTOFF", "PAUSED"],
  lock: LIVE_STATUSES,
  unlock: LIVE_STATUSES,
  rename: LIVE_STATUSES,
  delete: LIVE_STATUSES,
  "reset-state": LIVE_STATUSES,
  migrate: ["ACTIVE", "SHUTOFF"],
  evacuate: ["ACTIVE", "SHUTOFF", "PAUSED", "ERROR", "UNKNOWN"],
} as const satisfies Record<string, readonly InstanceStatus[]>;

export type InstanceAction = keyof typeof INSTANCE_ACTIONS;

// While a task runs, only these may interrupt it.
const ALLOWED_DURING_TASK: ReadonlySet<InstanceAction> = new Set(["delete", "lock", "unlock", "rename", "reset-state"]);
// A resize waiting for its confirmation holds two flavors (and, when it moved, two containers): only these may touch it.
const ALLOWED_WHEN_RESIZED: ReadonlySet<InstanceAction> = new Set(["confirm-resize", "revert-resize", "delete", "lock", "unlock", "rename"]);
// A locked instance refuses everything but these, unless an admin asks.
const ALLOWED_WHEN_LOCKED: ReadonlySet<InstanceAction> = new Set(["unlock", "lock"]);

type Gated = { name: string; vmState: string; taskState: string | null; powerState: string; locked: boolean };

export function refusal(instance: Gated, action: InstanceAction, isAdmin: boolean): string | null {
  const status = instanceStatus(instance);
  if (status === "DELETED") return `Instance ${instance.name} is deleted.`;
  if (instance.locked && !isAdmin && !ALLOWED_WHEN_LOCKED.has(action)) {
    return `Instance ${instance.name} is locked: unlock it first.`;
  }
  if (instance.taskState === RESIZED && !ALLOWED_WHEN_RESIZED.has(action)) {
    return `Cannot ${action} instance ${instance.name} while its resize waits to be confirmed or reverted: confirm or revert it first.`;
  }
  const task = runningTask(instance.taskState);
  if (task && !ALLOWED_DURING_TASK.has(action)) {
    return `Cannot ${action} instance ${instance.name} while it is busy (${task}); try again when the task ends.`;
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

/**
 * The actions the UI may offer for an instance in its current state. Of lock and unlock, only the
 * one that changes something: locking a locked instance is allowed, but only updates the reason.
 */
export function availableActions(instance: Gated, isAdmin = false): InstanceAction[] {
  const noChange: InstanceAction = instance.locked ? "lock" : "unlock";
  return (Object.keys(INSTANCE_ACTIONS) as InstanceAction[]).filter((a) => a !== noChange && refusal(instance, a, isAdmin) === null);
}
