"use client";

import { useRef, useState, type FormEvent } from "react";
import { ActionAlert, ActionDone, InputField } from "@/components/admin/form-fields";
import { formValues } from "@/components/admin/form-values";
import { PendingButton } from "@/components/admin/pending-button";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { buttonClass } from "@/components/ui/button-class";
import { createFlavorSchema, EXTRA_SPECS } from "@/lib/flavors/flavor-schema";
import { createFlavorAction } from "./actions";

type SpecKey = keyof typeof EXTRA_SPECS;
const SPEC_KEYS = Object.keys(EXTRA_SPECS) as SpecKey[];

const SIZES = [
  { name: "vcpus", label: "vCPUs", defaultValue: 1 },
  { name: "ramMiB", label: "RAM (MiB)", defaultValue: 512 },
  { name: "diskGiB", label: "Disk (GiB)", defaultValue: 1 },
  { name: "swapMiB", label: "Swap (MiB)", defaultValue: 0 },
] as const;

/** A new flavor: sizes, public or shared with chosen projects, and extra specs. Flavors are never edited. */
export function CreateFlavorForm({ projects }: { projects: { id: string; name: string }[] }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [isPublic, setIsPublic] = useState(true);
  const [specs, setSpecs] = useState<{ row: number; key: SpecKey }[]>([]);
  const [nextRow, setNextRow] = useState(0);
  const create = useAdminAction(createFlavorAction, createFlavorSchema);
  const field = (name: string) => create.error?.fields?.[name];

  const unusedKey = SPEC_KEYS.find((key) => !specs.some((s) => s.key === key));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    create.run(
      {
        name: v.text("name"),
        vcpus: v.number("vcpus"),
        ramMiB: v.number("ramMiB"),
        diskGiB: v.number("diskGiB"),
        swapMiB: v.number("swapMiB"),
        isPublic,
        projectIds: isPublic ? [] : v.all("projectIds"),
        extraSpecs: Object.fromEntries(specs.map((s) => [s.key, v.number(`spec-${s.row}`)])),
      },
      () => {
        formRef.current?.reset();
        setSpecs([]);
        setIsPublic(true);
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4" aria-label="Create flavor">
      <ActionAlert error={create.error} />
      {create.data && <ActionDone>Flavor {create.data.name} created.</ActionDone>}
      <InputField id="flavor-name" name="name" label="Name" required autoComplete="off" spellCheck={false} placeholder="m2.small" error={field("name")} />
      <div className="grid grid-cols-2 gap-3">
        {SIZES.map((size) => (
          <InputField
            key={size.name}
            id={`flavor-${size.name}`}
            name={size.name}
            label={size.label}
            type="number"
            inputMode="numeric"
            step={1}
            min={0}
            defaultValue={size.defaultValue}
            required
            error={field(size.name)}
          />
        ))}
      </div>
      <fieldset>
        <legend className="font-medium text-slate-700">Access</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          <label className="flex items-center gap-1.5">
            <input type="radio" name="access" checked={isPublic} onChange={() => setIsPublic(true)} className="size-4" />
            Public: every project
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="access" checked={!isPublic} onChange={() => setIsPublic(false)} className="size-4" />
            Private: chosen projects
          </label>
        </div>
      </fieldset>
      {!isPublic && (
        <fieldset aria-describedby={field("projectIds") ? "flavor-projects-error" : undefined}>
          <legend className="font-medium text-slate-700">Projects that may use it</legend>
          <ul className="mt-1 max-h-40 overflow-y-auto rounded-md border border-slate-300 bg-white px-2.5 py-1.5">
            {projects.map((p) => (
              <li key={p.id}>
                <label className="flex items-center gap-2 py-0.5">
                  <input type="checkbox" name="projectIds" value={p.id} className="size-4" />
                  {p.name}
                </label>
              </li>
            ))}
          </ul>
          {field("projectIds") && (
            <p id="flavor-projects-error" role="alert" className="mt-1 text-red-700">
              {field("projectIds")}
            </p>
          )}
        </fieldset>
      )}
      <fieldset>
        <legend className="font-medium text-slate-700">Extra specs</legend>
        {specs.length === 0 && <p className="mt-1 text-slate-500">None: Docker&apos;s defaults apply.</p>}
        <ul className="mt-1 space-y-2">
          {specs.map((spec) => (
            <li key={spec.row} className="flex flex-wrap items-start gap-2">
              <select
                aria-label="Extra spec"
                value={spec.key}
                onChange={(e) => setSpecs(specs.map((s) => (s.row === spec.row ? { ...s, key: e.target.value as SpecKey } : s)))}
                className="h-9 rounded-md border border-slate-300 bg-white px-2 shadow-sm"
              >
                {SPEC_KEYS.map((key) => (
                  <option key={key} value={key} disabled={key !== spec.key && specs.some((s) => s.key === key)}>
                    {key}
                  </option>
                ))}
              </select>
              <div className="min-w-32 flex-1">
                <input
                  type="number"
                  name={`spec-${spec.row}`}
                  aria-label={`${spec.key} value`}
                  min={EXTRA_SPECS[spec.key].min}
                  max={EXTRA_SPECS[spec.key].max}
                  step={1}
                  required
                  aria-invalid={field(`extraSpecs.${spec.key}`) ? true : undefined}
                  className="h-9 w-full rounded-md border border-slate-300 bg-white px-2 shadow-sm aria-invalid:border-red-500"
                />
                <p className={field(`extraSpecs.${spec.key}`) ? "mt-1 text-red-700" : "mt-1 text-xs text-slate-500"} role={field(`extraSpecs.${spec.key}`) ? "alert" : undefined}>
                  {field(`extraSpecs.${spec.key}`) ?? `${EXTRA_SPECS[spec.key].description}, ${EXTRA_SPECS[spec.key].min}–${EXTRA_SPECS[spec.key].max}`}
                </p>
              </div>
              <button type="button" onClick={() => setSpecs(specs.filter((s) => s.row !== spec.row))} className={buttonClass("quiet", "h-9")}>
                Remove<span className="sr-only"> {spec.key}</span>
              </button>
            </li>
          ))}
        </ul>
        {unusedKey && (
          <button
            type="button"
            onClick={() => {
              setSpecs([...specs, { row: nextRow, key: unusedKey }]);
              setNextRow(nextRow + 1);
            }}
            className={buttonClass("secondary", "mt-2")}
          >
            Add extra spec
          </button>
        )}
      </fieldset>
      <PendingButton pending={create.pending} pendingLabel="Creating…">
        Create flavor
      </PendingButton>
    </form>
  );
}
