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
  | "ERROR"
  | "DELETED"
  | "UNKNOWN";

type States = { vmState: string; taskState: string | null; powerState: string };

const TASK_STATUS: Record<string, InstanceStatus> = {
  rebooting: "REBOOT",
  rebooting_hard: "HARD_REBOOT",
  rebuilding: "REBUILD",
  resizing: "RESIZE",
  migrating: "RESIZE",
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
