import type { InstanceActionCalls } from "@/components/instances/instance-actions";
import {
  deleteInstances,
  hardRebootInstances,
  lockInstances,
  pauseInstances,
  rebootInstances,
  startInstances,
  stopInstances,
  unlockInstances,
  unpauseInstances,
} from "./actions";

/** The list's server actions by name, for every page that offers them (the list, an instance's page). */
export const INSTANCE_ACTION_CALLS: InstanceActionCalls = {
  start: startInstances,
  stop: stopInstances,
  reboot: rebootInstances,
  "hard-reboot": hardRebootInstances,
  pause: pauseInstances,
  unpause: unpauseInstances,
  lock: lockInstances,
  unlock: unlockInstances,
  delete: deleteInstances,
};
