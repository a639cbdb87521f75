import Form from "next/form";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { cn } from "@/components/ui/class-names";
import { formatTimestamp } from "@/components/ui/format";
import { PendingLabel } from "@/components/ui/pending-label";
import {
  formatDay,
  USAGE_PRESETS,
  type ParsedUsagePeriod,
  type UsagePeriod,
  type UsagePeriodQuery,
  type UsagePreset,
} from "@/lib/usage/usage-period";

const FIELD_ERROR_ID = "usage-period-error";

function describe(period: UsagePeriod): string {
  if (period.preset === "custom") return `${period.query.from} to ${period.query.to}, whole UTC days, both included`;
  return `${formatTimestamp(period.from)} → ${formatTimestamp(period.to)}`;
}

/**
 * Presets as links and custom days as a GET form, so the period lives in the URL (shareable,
 * back button works) and choosing one needs no script of its own.
 */
export function UsagePeriodPicker({
  basePath,
  parsed,
  query,
}: {
  basePath: string;
  parsed: ParsedUsagePeriod;
  query: UsagePeriodQuery;
}) {
  const current = parsed.ok ? parsed.period.preset : null;
  const days = parsed.ok
    ? { from: formatDay(parsed.period.from), to: parsed.period.query.to ?? formatDay(parsed.period.to) }
    : { from: query.from ?? "", to: query.to ?? "" };
  const invalid = (field: "from" | "to") => (!parsed.ok && parsed.field === field ? true : undefined);

  return (
    <div className="mb-4 space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <nav aria-label="Usage period" className="max-w-full overflow-x-auto">
          <ul className="flex rounded-md bg-slate-100 p-0.5">
            {(Object.entries(USAGE_PRESETS) as [UsagePreset, string][]).map(([preset, label]) => (
              <li key={preset}>
                <Link
                  href={`${basePath}?period=${preset}`}
                  scroll={false}
                  aria-current={current === preset ? "true" : undefined}
                  className={cn(
                    "block whitespace-nowrap rounded px-2.5 py-1",
                    current === preset ? "bg-white font-medium text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
                  )}
                >
                  <PendingLabel>{label}</PendingLabel>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <Form key={`${days.from}/${days.to}`} action={basePath} scroll={false} aria-label="Custom period" className="flex flex-wrap items-end gap-2">
          {(["from", "to"] as const).map((field) => (
            <label key={field} className="flex flex-col text-xs font-medium text-slate-600">
              {field === "from" ? "From" : "To"}
              <input
                type="date"
                name={field}
                defaultValue={days[field]}
                aria-invalid={invalid(field)}
                aria-describedby={invalid(field) && FIELD_ERROR_ID}
                className="mt-0.5 h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-sm aria-invalid:border-red-500"
              />
            </label>
          ))}
          <button type="submit" className={buttonClass("secondary", "h-8")}>
            Apply
          </button>
        </Form>
      </div>
      {parsed.ok ? (
        <p className="text-slate-600">
          <span className="sr-only">Period: </span>
          {describe(parsed.period)}
        </p>
      ) : (
        <p id={FIELD_ERROR_ID} role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {parsed.message}
        </p>
      )}
    </div>
  );
}
