import { formatSize, formatUsage, type SizeUnit } from "@/components/ui/format";
import type { QuotaDelta, QuotaUsage } from "@/lib/quotas/quotas";

function share(value: number, limit: number): number {
  if (limit < 0) return 0;
  if (limit === 0) return value > 0 ? 100 : 0;
  return Math.min(100, Math.max(0, (value / limit) * 100));
}

/** Each quota as used + this request against its limit: the request in its own colour, red when it does not fit. */
export function QuotaRequestBars({ quotas, request }: { quotas: QuotaUsage[]; request: QuotaDelta }) {
  return (
    <section aria-label="Quota after this launch">
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Quota: used + this launch</h3>
      <ul className="grid gap-3 sm:grid-cols-2">
        {quotas.filter((quota) => quota.resource in request).map((quota) => {
          const wanted = request[quota.resource] ?? 0;
          const after = quota.used + wanted;
          const over = quota.limit >= 0 && after > quota.limit;
          const usedShare = share(quota.used, quota.limit);
          const text = formatUsage(after, quota.limit, quota.unit);
          return (
            <li key={quota.resource}>
              <div className="mb-1 flex items-baseline justify-between gap-2 text-xs">
                <span className="font-medium text-slate-700">{quota.label}</span>
                <span className={over ? "font-medium text-red-700" : "tabular-nums text-slate-600"}>
                  {text}
                  {wanted > 0 && <span className="text-slate-500"> (this launch: {quota.unit ? formatSize(wanted, quota.unit as SizeUnit) : wanted})</span>}
                </span>
              </div>
              <div
                role="meter"
                aria-label={`${quota.label} after this launch`}
                aria-valuemin={0}
                aria-valuemax={Math.max(quota.limit, after, 0)}
                aria-valuenow={after}
                aria-valuetext={`${text}${over ? ", over the limit" : ""}`}
                className="flex h-1.5 w-full overflow-hidden rounded-full bg-slate-200"
              >
                <div className="h-full bg-slate-500" style={{ width: `${usedShare}%` }} />
                <div className={over ? "h-full bg-red-500" : "h-full bg-sky-500"} style={{ width: `${Math.min(100 - usedShare, share(wanted, quota.limit))}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
