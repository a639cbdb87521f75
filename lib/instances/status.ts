/** The status users see, derived from Nova-style vm_state / task_state / power_state. */
export type InstanceStatus =
  | "BUILD"
  | "ACTIVE"
  | "SHUTOFF"
  | "PAUSED"
  | "REBOOT"
  | "HARD_REBOOT"
  | "REBUILD"
  | "RESIZE"
  | "VERIFY_RESIZE"
  | "REVERT_RESIZE"
  | "ERROR"
  | "DELETED"
  | "UNKNOWN";

/** Every status an instance that is not deleted can show, in the order lists offer them. */
export const LIVE_STATUSES = [
  "BUILD",
  "ACTIVE",
  "SHUTOFF",
  "PAUSED",
  "REBOOT",
  "HARD_REBOOT",
  "REBUILD",
  "RESIZE",
  "VERIFY_RESIZE",
  "REVERT_RESIZE",
  "ERROR",
  "UNKNOWN",
] as const satisfies readonly InstanceStatus[];

type States = { vmState: string; taskState: string | null; powerState: string };

/**
 * Nova's vm_state `resized`: the resize is done and waits to be confirmed or reverted. Berth's
 * vm_state stays what the container is doing (active or stopped), so the wait rests in task_state,
 * where no other task may start.
 */
export const RESIZED = "resized";

const TASK_STATUS: Record<string, InstanceStatus> = {
  rebooting: "REBOOT",
  rebooting_hard: "HARD_REBOOT",
  rebuilding: "REBUILD",
  resizing: "RESIZE",
  migrating: "RESIZE",
  [RESIZED]: "VERIFY_RESIZE",
  resize_confirming: "VERIFY_RESIZE",
  resize_reverting: "REVERT_RESIZE",
};

const VM_STATUS: Record<string, InstanceStatus> = {
  building: "BUILD",
  active: "ACTIVE",
  stopped: "SHUTOFF",
  paused: "PAUSED",
  error: "ERROR",
  deleted: "DELETED",
};

export function instanceStatus({ vmState, taskState, powerState }: States): InstanceStatus {
  if (vmState === "error" || vmState === "deleted" || vmState === "building") return VM_STATUS[vmState];
  // The host stopped answering: what runs there is not known, so say so instead of guessing.
  if (powerState === "unknown") return "UNKNOWN";
  return (taskState && TASK_STATUS[taskState]) || VM_STATUS[vmState] || "UNKNOWN";
}

/** The task a job is running on the instance now, if any: a resize waiting for its confirmation is not one. */
export function runningTask(taskState: string | null): string | null {
  return taskState === RESIZED ? null : taskState;
}
