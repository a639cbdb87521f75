import type { InstanceActionCalls } from "@/components/instances/instance-actions";
import {
  confirmResizeInstances,
  deleteInstances,
  hardRebootInstances,
  lockInstances,
  pauseInstances,
  rebootInstances,
  revertResizeInstances,
  snapshotInstance,
  startInstances,
  stopInstances,
  unlockInstances,
  unpauseInstances,
} from "./actions";

/** The instance actions by name, for every page that offers them (the list, an instance's page). */
export const INSTANCE_ACTION_CALLS: InstanceActionCalls = {
  start: startInstances,
  stop: stopInstances,
  reboot: rebootInstances,
  "hard-reboot": hardRebootInstances,
  pause: pauseInstances,
  unpause: unpauseInstances,
  "confirm-resize": confirmResizeInstances,
  "revert-resize": revertResizeInstances,
  lock: lockInstances,
  unlock: unlockInstances,
  delete: deleteInstances,
  snapshot: snapshotInstance,
};
