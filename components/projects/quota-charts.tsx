import { formatUsage } from "@/components/ui/format";
import { UsageDonut } from "@/components/ui/usage-donut";
import type { QuotaUsage } from "@/lib/quotas/quotas";

export function QuotaCharts({ quotas }: { quotas: QuotaUsage[] }) {
  return (
    <ul className="grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-3">
      {quotas.map((quota) => (
        <li key={quota.resource} className="min-w-0">
          <UsageDonut
            label={quota.label}
            used={quota.used}
            limit={quota.limit}
            text={formatUsage(quota.used, quota.limit, quota.unit)}
          />
        </li>
      ))}
    </ul>
  );
}
