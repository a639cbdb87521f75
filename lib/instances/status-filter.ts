import type { Prisma } from "@/lib/db/generated/client";
import type { VmState } from "@/lib/db/generated/enums";
import { LIVE_STATUSES, RESIZED } from "./status";

/** The statuses a project's list can show and filter by (deleted instances are not listed). */
export const LISTED_STATUSES = LIVE_STATUSES;

export type ListedStatus = (typeof LISTED_STATUSES)[number];

const SETTLED: VmState[] = ["active", "stopped", "paused"];

/**
 * Which rows have a status, stated over the stored columns so the database can filter by it:
 * `instanceStatus` read backwards. `tasks: "other"` means no task, or one that names no status.
 * status-filter.test.ts checks every combination against `instanceStatus`.
 */
type Condition = { vmStates: VmState[]; powerUnknown?: boolean; tasks?: string[] | "other" };

const TASK_STATUSES = {
  REBOOT: ["rebooting"],
  HARD_REBOOT: ["rebooting_hard"],
  REBUILD: ["rebuilding"],
  RESIZE: ["resizing", "migrating"],
  VERIFY_RESIZE: [RESIZED, "resize_confirming"],
  REVERT_RESIZE: ["resize_reverting"],
};
const STATUS_TASKS = Object.values(TASK_STATUSES).flat();

const CONDITIONS: Record<ListedStatus, Condition> = {
  BUILD: { vmStates: ["building"] },
  ERROR: { vmStates: ["error"] },
  UNKNOWN: { vmStates: SETTLED, powerUnknown: true },
  REBOOT: { vmStates: SETTLED, powerUnknown: false, tasks: TASK_STATUSES.REBOOT },
  HARD_REBOOT: { vmStates: SETTLED, powerUnknown: false, tasks: TASK_STATUSES.HARD_REBOOT },
  REBUILD: { vmStates: SETTLED, powerUnknown: false, tasks: TASK_STATUSES.REBUILD },
  RESIZE: { vmStates: SETTLED, powerUnknown: false, tasks: TASK_STATUSES.RESIZE },
  VERIFY_RESIZE: { vmStates: SETTLED, powerUnknown: false, tasks: TASK_STATUSES.VERIFY_RESIZE },
  REVERT_RESIZE: { vmStates: SETTLED, powerUnknown: false, tasks: TASK_STATUSES.REVERT_RESIZE },
  ACTIVE: { vmStates: ["active"], powerUnknown: false, tasks: "other" },
  SHUTOFF: { vmStates: ["stopped"], powerUnknown: false, tasks: "other" },
  PAUSED: { vmStates: ["paused"], powerUnknown: false, tasks: "other" },
};

/** The Prisma filter for instances showing `status`. */
export function statusWhere(status: ListedStatus): Prisma.InstanceWhereInput {
  const { vmStates, powerUnknown, tasks } = CONDITIONS[status];
  return {
    vmState: { in: vmStates },
    ...(powerUnknown === undefined ? {} : { powerState: powerUnknown ? "unknown" : { not: "unknown" } }),
    ...(tasks === undefined
      ? {}
      : tasks === "other"
        ? { OR: [{ taskState: null }, { taskState: { notIn: STATUS_TASKS } }] }
        : { taskState: { in: tasks } }),
  };
}
