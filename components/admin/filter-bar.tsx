import Form from "next/form";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button-class";

/** A GET form of filters, so the filtered view lives in the URL (shareable, back button works). */
export function FilterBar({ action, label, active, children }: { action: string; label: string; active: boolean; children: ReactNode }) {
  return (
    <Form action={action} aria-label={label} className="mb-4 flex flex-wrap items-end gap-2">
      {children}
      <button type="submit" className={buttonClass("secondary", "h-8")}>
        Apply
      </button>
      {active && (
        <Link href={action} className={buttonClass("quiet", "h-8")}>
          Clear
        </Link>
      )}
    </Form>
  );
}

const FILTER_CONTROL = "mt-0.5 h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-sm";

export function FilterSelect({
  name,
  label,
  value,
  options,
  anyLabel,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  anyLabel: string;
}) {
  return (
    <label className="flex min-w-0 flex-col text-xs font-medium text-slate-600">
      {label}
      <select name={name} defaultValue={value ?? ""} className={`${FILTER_CONTROL} max-w-48`}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FilterSearch({ name, label, value, placeholder }: { name: string; label: string; value: string | undefined; placeholder?: string }) {
  return (
    <label className="flex min-w-0 flex-col text-xs font-medium text-slate-600">
      {label}
      <input type="search" name={name} defaultValue={value ?? ""} placeholder={placeholder} className={`${FILTER_CONTROL} w-44`} />
    </label>
  );
}
