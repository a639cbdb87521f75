import "server-only";
import type { Db } from "@/lib/db/client";
import { instanceStatus } from "@/lib/instances/status";
import { listHosts } from "@/lib/hosts/list-hosts";
import { formatMetrics, type Metric } from "./exposition";

/** Reads the database state into Prometheus metrics. Host state is what the last heartbeat saw. */
export async function collectMetrics(db: Db): Promise<string> {
  const [hosts, instanceGroups, projects, users] = await Promise.all([
    listHosts(db),
    db.instance.groupBy({
      by: ["vmState", "taskState", "powerState"],
      where: { deletedAt: null },
      _count: { _all: true },
    }),
    db.project.count(),
    db.user.count(),
  ]);
  const byStatus = new Map<string, number>();
  for (const g of instanceGroups) {
    const status = instanceStatus(g);
    byStatus.set(status, (byStatus.get(status) ?? 0) + g._count._all);
  }
  const perHost = (pick: (h: (typeof hosts)[number]) => number) =>
    hosts.map((h) => ({ labels: { host: h.name, az: h.availabilityZone }, value: pick(h) }));
  const metrics: Metric[] = [
    { name: "berth_up", help: "1 while Berth serves requests.", type: "gauge", samples: [{ value: 1 }] },
    { name: "berth_host_up", help: "1 when the host answered its last heartbeat.", type: "gauge", samples: perHost((h) => (h.status === "up" ? 1 : 0)) },
    { name: "berth_host_enabled", help: "1 when the scheduler may place instances on the host.", type: "gauge", samples: perHost((h) => (h.enabled ? 1 : 0)) },
    { name: "berth_host_vcpus_used", help: "vCPUs allocated on the host.", type: "gauge", samples: perHost((h) => h.used.vcpus) },
    { name: "berth_host_vcpus_capacity", help: "vCPUs the host can allocate (after ratio and reserve).", type: "gauge", samples: perHost((h) => h.capacity.vcpus) },
    { name: "berth_host_ram_used_mib", help: "RAM allocated on the host in MiB.", type: "gauge", samples: perHost((h) => h.used.ramMiB) },
    { name: "berth_host_ram_capacity_mib", help: "RAM the host can allocate in MiB.", type: "gauge", samples: perHost((h) => h.capacity.ramMiB) },
    { name: "berth_host_instances", help: "Instances placed on the host.", type: "gauge", samples: perHost((h) => h.instanceCount) },
    { name: "berth_instances", help: "Instances by status.", type: "gauge", samples: [...byStatus].map(([status, value]) => ({ labels: { status }, value })) },
    { name: "berth_projects", help: "Projects.", type: "gauge", samples: [{ value: projects }] },
    { name: "berth_users", help: "Users.", type: "gauge", samples: [{ value: users }] },
    { name: "berth_process_resident_memory_bytes", help: "Resident memory of the Berth process.", type: "gauge", samples: [{ value: process.memoryUsage().rss }] },
    { name: "berth_process_uptime_seconds", help: "Seconds since the Berth process started.", type: "gauge", samples: [{ value: Math.round(process.uptime()) }] },
  ];
  return formatMetrics(metrics);
}
