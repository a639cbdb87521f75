import { formatUsage } from "@/components/ui/format";
import { UsageBar } from "@/components/ui/usage-bar";
import type { QuotaUsage } from "@/lib/quotas/quotas";

export function QuotaUsageList({ quotas }: { quotas: QuotaUsage[] }) {
  return (
    <ul className="space-y-4">
      {quotas.map((quota) => (
        <li key={quota.resource}>
          <UsageBar label={quota.label} used={quota.used} limit={quota.limit} text={formatUsage(quota.used, quota.limit, quota.unit)} />
        </li>
      ))}
    </ul>
  );
}
