import { Badge, type Tone } from "@/components/ui/badge";
import type { InstanceStatus } from "@/lib/instances/status";

const STATUS_TONE: Record<InstanceStatus, Tone> = {
  ACTIVE: "success",
  BUILD: "info",
  REBOOT: "info",
  HARD_REBOOT: "info",
  REBUILD: "info",
  RESIZE: "info",
  VERIFY_RESIZE: "warning",
  REVERT_RESIZE: "info",
  SHUTOFF: "neutral",
  PAUSED: "neutral",
  DELETED: "neutral",
  ERROR: "danger",
  UNKNOWN: "warning",
};

const STATUS_TITLE: Partial<Record<InstanceStatus, string>> = {
  UNKNOWN: "The host has not answered; the state is not known",
  VERIFY_RESIZE: "Resized: confirm to keep the new flavor, or revert to the old one",
};

/** Statuses in the order people scan for them: what needs attention first. */
export const STATUS_ORDER = Object.keys(STATUS_TONE) as InstanceStatus[];

export function InstanceStatusBadge({ status }: { status: InstanceStatus }) {
  return (
    <Badge tone={STATUS_TONE[status]} title={STATUS_TITLE[status]}>
      {status}
    </Badge>
  );
}
