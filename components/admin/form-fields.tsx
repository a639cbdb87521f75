import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/class-names";
import type { ActionError } from "@/lib/actions/action-client";

/**
 * Inputs for the admin forms, in the look of components/ui/text-field: a label, the control, and
 * the field's error under it, tied together for screen readers.
 */

const CONTROL =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-slate-900 shadow-sm aria-invalid:border-red-500";

function FieldFrame({ id, label, hint, error, children }: { id: string; label: string; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

function described(id: string, hint: ReactNode, error: string | undefined) {
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  };
}

type Common = { id: string; label: string; hint?: ReactNode; error?: string };

export function InputField({ id, label, hint, error, className, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input id={id} className={cn(CONTROL, className)} {...described(id, hint, error)} {...input} />
    </FieldFrame>
  );
}

export function SelectField({ id, label, hint, error, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select id={id} className={CONTROL} {...described(id, hint, error)} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
}

export function TextAreaField({ id, label, hint, error, ...area }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea id={id} className={`${CONTROL} font-mono text-xs`} {...described(id, hint, error)} {...area} />
    </FieldFrame>
  );
}

export function CheckboxField({ id, label, hint, ...input }: Omit<Common, "error"> & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" className="mt-1 size-4 rounded border-slate-300" aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <div>
        <label htmlFor={id} className="font-medium text-slate-700">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

const isOf = (key: string, field: string) => key === field || key.startsWith(`${field}.`);

/** What the error says about a field, or about one of its items (`command.2` for `command`). */
export function fieldError(error: ActionError | null, field: string): string | undefined {
  const key = Object.keys(error?.fields ?? {}).find((k) => isOf(k, field));
  return key === undefined ? undefined : error!.fields![key];
}

/**
 * The server's (or the check's) own words when an action fails. `placed`: the fields the form
 * shows errors beside (`fieldError`); an error only about those is not said twice.
 */
export function ActionAlert({ error, placed = [] }: { error: ActionError | null; placed?: readonly string[] }) {
  if (!error) return null;
  const keys = Object.keys(error.fields ?? {});
  if (keys.length && keys.every((key) => placed.some((field) => isOf(key, field)))) return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 break-words text-red-800">
      {error.message}
    </p>
  );
}

/** A short confirmation after an action worked. */
export function ActionDone({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900">
      {children}
    </p>
  );
}
