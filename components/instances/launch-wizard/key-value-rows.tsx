"use client";

import { buttonClass } from "@/components/ui/button-class";
import type { KeyValueRow } from "./launch-form";

const INPUT = "min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-slate-900 shadow-sm aria-invalid:border-red-500";

/** Editable name = value rows (environment variables, labels); errors are keyed by name, as the schema reports them. */
export function KeyValueRows({
  legend,
  keyLabel,
  rows,
  onChange,
  errorFor,
}: {
  legend: string;
  keyLabel: string;
  rows: KeyValueRow[];
  onChange: (rows: KeyValueRow[]) => void;
  errorFor: (key: string) => string | undefined;
}) {
  const update = (index: number, patch: Partial<KeyValueRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset>
      <legend className="font-medium text-slate-700">{legend}</legend>
      <ul className="mt-1 space-y-2">
        {rows.map((row, index) => {
          const error = errorFor(row.key.trim());
          return (
            <li key={index}>
              <div className="flex gap-2">
                <input
                  aria-label={`${keyLabel} ${index + 1}`}
                  value={row.key}
                  onChange={(event) => update(index, { key: event.target.value })}
                  aria-invalid={error ? true : undefined}
                  placeholder={keyLabel}
                  className={INPUT}
                />
                <input
                  aria-label={`Value ${index + 1}`}
                  value={row.value}
                  onChange={(event) => update(index, { value: event.target.value })}
                  placeholder="value"
                  className={INPUT}
                />
                <button
                  type="button"
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                  className={buttonClass("quiet", "px-2")}
                  aria-label={`Remove ${row.key || `row ${index + 1}`}`}
                >
                  ✕
                </button>
              </div>
              {error && (
                <p role="alert" className="mt-0.5 text-red-700">
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => onChange([...rows, { key: "", value: "" }])} className={buttonClass("secondary", "mt-2 px-2 py-1 text-xs")}>
        Add {keyLabel.toLowerCase()}
      </button>
    </fieldset>
  );
}
