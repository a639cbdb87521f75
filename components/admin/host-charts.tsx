import { UsageDonut } from "@/components/ui/usage-donut";
import type { HostSummary } from "@/lib/hosts/list-hosts";
import { allocationText, capacityFormula, HOST_RESOURCE_INFO, HOST_RESOURCES } from "./host-capacity";

type Allocation = Pick<HostSummary, "used" | "capacity">;

/** Allocated of capacity for vCPU, RAM and disk as rings, with the sum behind each capacity when it is one host. */
export function HostCharts({ allocation, host }: { allocation: Allocation; host?: HostSummary }) {
  return (
    <ul className="grid grid-cols-3 gap-x-4 gap-y-6">
      {HOST_RESOURCES.map((resource) => (
        <li key={resource} className="min-w-0">
          <UsageDonut
            label={`${HOST_RESOURCE_INFO[resource].label} allocated`}
            used={allocation.used[resource]}
            limit={allocation.capacity[resource]}
            text={allocationText(allocation, resource)}
          />
          {host && <p className="mt-1 text-center text-xs text-slate-500">{capacityFormula(host, resource)}</p>}
        </li>
      ))}
    </ul>
  );
}

/** The cloud's allocation: the sum over hosts that can take new instances (up and enabled). */
export function schedulableTotal(hosts: HostSummary[]): Allocation {
  const open = hosts.filter((h) => h.status === "up" && h.enabled);
  const sum = (pick: (h: HostSummary) => Record<"vcpus" | "ramMiB" | "diskGiB", number>) => ({
    vcpus: open.reduce((n, h) => n + pick(h).vcpus, 0),
    ramMiB: open.reduce((n, h) => n + pick(h).ramMiB, 0),
    diskGiB: open.reduce((n, h) => n + pick(h).diskGiB, 0),
  });
  return { used: sum((h) => h.used), capacity: sum((h) => h.capacity) };
}
