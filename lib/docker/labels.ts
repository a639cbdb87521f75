/** Labels on everything Berth creates, so it can be found, attributed and cleaned up. */
export const LABELS = {
  managed: "berth.managed",
  instance: "berth.instance",
  project: "berth.project",
  image: "berth.image",
  /** "machine" or "application": how the container was set up to run */
  kind: "berth.kind",
  /** on a Docker network: the Berth network realisation (NetworkHost) it is */
  network: "berth.network",
  /** on a port forwarder: the published port it serves */
  port: "berth.port",
} as const;

/** The `label` filter value that selects what Berth manages. */
export const MANAGED_FILTER = `${LABELS.managed}=true`;

export type LabelOwners = { instanceId?: string; projectId?: string; imageId?: string };

export function berthLabels(owners: LabelOwners = {}): Record<string, string> {
  const labels: Record<string, string> = { [LABELS.managed]: "true" };
  if (owners.instanceId) labels[LABELS.instance] = owners.instanceId;
  if (owners.projectId) labels[LABELS.project] = owners.projectId;
  if (owners.imageId) labels[LABELS.image] = owners.imageId;
  return labels;
}
