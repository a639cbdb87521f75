/**
 * Nova-style scheduling, as pure functions: filters drop hosts that cannot take the request,
 * weighers order the rest. Capacity is (total − reserved) × allocation ratio; usage is the sum
 * of allocations on the host.
 */
export type Resources = { vcpus: number; ramMiB: number; diskGiB: number };

export type HostCandidate = {
  id: string;
  name: string;
  enabled: boolean;
  disabledReason: string | null;
  status: "up" | "down";
  availabilityZone: string;
  cpus: number;
  memoryMiB: number;
  diskGiB: number;
  cpuAllocationRatio: number;
  ramAllocationRatio: number;
  diskAllocationRatio: number;
  reservedCpus: number;
  reservedMemoryMiB: number;
  reservedDiskGiB: number;
  used: Resources;
  hasImage: boolean;
};

/** A server group the instance belongs to, and the hosts its other instances are on now. */
export type GroupPlacement = { name: string; policy: "affinity" | "anti_affinity"; hostIds: string[] };

export type Request = Resources & { availabilityZone?: string | null; excludeHostIds?: string[]; group?: GroupPlacement | null };

export type Rejection = { host: string; reason: string; resource?: keyof Resources };

export function capacityOf(h: HostCandidate): Resources {
  return {
    vcpus: Math.floor((h.cpus - h.reservedCpus) * h.cpuAllocationRatio),
    ramMiB: Math.floor((h.memoryMiB - h.reservedMemoryMiB) * h.ramAllocationRatio),
    diskGiB: Math.floor((h.diskGiB - h.reservedDiskGiB) * h.diskAllocationRatio),
  };
}

export function freeOf(h: HostCandidate): Resources {
  const cap = capacityOf(h);
  return { vcpus: cap.vcpus - h.used.vcpus, ramMiB: cap.ramMiB - h.used.ramMiB, diskGiB: cap.diskGiB - h.used.diskGiB };
}

const RESOURCE_TEXT: Record<keyof Resources, (n: number) => string> = {
  ramMiB: (n) => `${n} MiB RAM`,
  vcpus: (n) => `${n} vCPU${n === 1 ? "" : "s"}`,
  diskGiB: (n) => `${n} GiB disk`,
};
const FREE_TEXT: Record<keyof Resources, (n: number) => string> = {
  ramMiB: (n) => `${Math.max(n, 0)} MiB free`,
  vcpus: (n) => `${Math.max(n, 0)} vCPU free`,
  diskGiB: (n) => `${Math.max(n, 0)} GiB disk free`,
};

function rejectionOf(h: HostCandidate, req: Request): Rejection | null {
  if (req.excludeHostIds?.includes(h.id)) return { host: h.name, reason: "already tried" };
  if (!h.enabled) return { host: h.name, reason: h.disabledReason ? `disabled (${h.disabledReason})` : "disabled" };
  if (h.status !== "up") return { host: h.name, reason: "down" };
  if (req.availabilityZone && h.availabilityZone !== req.availabilityZone) {
    return { host: h.name, reason: `in zone ${h.availabilityZone}, not ${req.availabilityZone}` };
  }
  const group = req.group;
  if (group?.policy === "affinity" && group.hostIds.length && !group.hostIds.includes(h.id)) {
    return { host: h.name, reason: `not the host of server group ${group.name} (affinity)` };
  }
  if (group?.policy === "anti_affinity" && group.hostIds.includes(h.id)) {
    return { host: h.name, reason: `already holds an instance of server group ${group.name} (anti-affinity)` };
  }
  const free = freeOf(h);
  for (const resource of ["ramMiB", "vcpus", "diskGiB"] as const) {
    if (free[resource] < req[resource]) return { host: h.name, reason: FREE_TEXT[resource](free[resource]), resource };
  }
  return null;
}

export function filterHosts(hosts: HostCandidate[], req: Request): { passed: HostCandidate[]; rejected: Rejection[] } {
  const passed: HostCandidate[] = [];
  const rejected: Rejection[] = [];
  for (const h of hosts) {
    const r = rejectionOf(h, req);
    if (r) rejected.push(r);
    else passed.push(h);
  }
  return { passed, rejected };
}

/**
 * Spread by free RAM, normalised across the candidates as Nova's weighers are (the roomiest host
 * scores 1, the fullest 0), plus a smaller bonus for hosts that already hold the image.
 */
export function weighHosts(hosts: HostCandidate[]): HostCandidate[] {
  const free = new Map(hosts.map((h) => [h.id, freeOf(h).ramMiB]));
  const values = [...free.values()];
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const score = (h: HostCandidate) => (max > min ? (free.get(h.id)! - min) / (max - min) : 0) + (h.hasImage ? IMAGE_BONUS : 0);
  return [...hosts].sort((a, b) => score(b) - score(a) || a.name.localeCompare(b.name));
}

const IMAGE_BONUS = 0.25;

/** "No valid host: 0 of 2 hosts can fit 512 MiB RAM (host-a: 256 MiB free, host-b: disabled)" */
export function noValidHostMessage(total: number, req: Request, rejected: Rejection[]): string {
  if (total === 0) return "No valid host: no hosts are registered.";
  const resources = new Set(rejected.map((r) => r.resource).filter(Boolean) as (keyof Resources)[]);
  const what =
    resources.size === 1
      ? RESOURCE_TEXT[[...resources][0]](req[[...resources][0]])
      : `${RESOURCE_TEXT.vcpus(req.vcpus)}, ${RESOURCE_TEXT.ramMiB(req.ramMiB)}, ${RESOURCE_TEXT.diskGiB(req.diskGiB)}`;
  const zone = req.availabilityZone ? ` in zone ${req.availabilityZone}` : "";
  const reasons = rejected.map((r) => `${r.host}: ${r.reason}`).join(", ");
  return `No valid host: 0 of ${total} host${total === 1 ? "" : "s"}${zone} can fit ${what} (${reasons})`;
}
