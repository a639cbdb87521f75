import type { ActionResult } from "@/lib/actions/action-client";
import type { InstanceOutcome } from "@/lib/instances/act-on-instances";
import type { SnapshotInput } from "@/lib/images/image-schema";
import type { FormAction, ListAction } from "@/lib/instances/instance-row";

/** A server action that applies one list action to some instances and says how each went. */
export type InstanceActionCall = (projectId: string, input: { instanceIds: string[] }) => Promise<ActionResult<InstanceOutcome[]>>;
export type SnapshotCall = (projectId: string, input: SnapshotInput & { instanceId: string }) => Promise<ActionResult<{ imageId: string; name: string }>>;
export type InstanceActionCalls = Record<ListAction, InstanceActionCall> & { snapshot: SnapshotCall };

/** How the actions that open a dialog are offered (always with "…": there is more to say first). */
export const FORM_ACTION_LABEL: Record<FormAction, string> = { snapshot: "Create snapshot…" };

type ActionInfo = {
  label: string;
  /** What "requested" reads as once accepted: "Stop requested for web-1." */
  noun: string;
  /** Destructive actions ask first, saying what will be lost. */
  confirm?: string;
};

export const ACTION_INFO: Record<ListAction, ActionInfo> = {
  start: { label: "Start", noun: "Start" },
  stop: { label: "Stop", noun: "Stop", confirm: "Every process in it is ended. Anything not written to disk is lost." },
  reboot: { label: "Reboot", noun: "Reboot" },
  "hard-reboot": {
    label: "Hard reboot",
    noun: "Hard reboot",
    confirm: "Its processes are killed at once, without a chance to shut down cleanly.",
  },
  pause: { label: "Pause", noun: "Pause" },
  unpause: { label: "Resume", noun: "Resume" },
  "confirm-resize": { label: "Confirm resize", noun: "Resize confirmation" },
  "revert-resize": {
    label: "Revert resize",
    noun: "Resize revert",
    confirm: "It goes back to its old flavor. If the resize moved it to another host, anything written in it since is lost.",
  },
  lock: { label: "Lock", noun: "Lock" },
  unlock: { label: "Unlock", noun: "Unlock" },
  delete: { label: "Delete", noun: "Delete", confirm: "Its container and everything written inside it are removed. This cannot be undone." },
};
