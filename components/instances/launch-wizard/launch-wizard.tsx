"use client";

import { useId, useState, type FormEvent, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { cn } from "@/components/ui/class-names";
import { Dialog } from "@/components/ui/dialog";
import { FieldList } from "@/components/ui/field-list";
import { formatSize } from "@/components/ui/format";
import { TextField } from "@/components/ui/text-field";
import type { ActionError } from "@/lib/actions/action-client";
import { flavorRefusal, requestDelta } from "@/lib/instances/launch-fit";
import type { LaunchNetwork, LaunchOptions } from "@/lib/instances/launch-options";
import { POLICY_LABEL } from "@/lib/networks/network-schema";
import { KeyValueRows } from "./key-value-rows";
import {
  countOf,
  errorsOnStep,
  fieldLabel,
  LAUNCH_STEPS,
  launchFormErrors,
  networksOf,
  stepOf,
  withNetwork,
  type FieldErrors,
  type LaunchForm,
  type LaunchStep,
} from "./launch-form";
import { QuotaRequestBars } from "./quota-request-bars";

type Props = {
  open: boolean;
  onClose: () => void;
  options: LaunchOptions;
  /** Why the options shown may be stale (the refresh failed), if it did. */
  optionsProblem: string | null;
  form: LaunchForm;
  onFormChange: (form: LaunchForm) => void;
  step: LaunchStep;
  onStepChange: (step: LaunchStep) => void;
  /** What the server said about the last attempt, shown until the form changes. */
  serverError: ActionError | null;
  onSubmit: () => void;
};

const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-slate-900 shadow-sm aria-invalid:border-red-500";

/**
 * The launch wizard: details, source, flavor, configuration, review. Fields are checked with the
 * server's own schema as they are typed; flavors that do not fit the image or the quota left are
 * disabled with the server's reason. Steps can be visited in any order.
 */
export function LaunchWizard({ open, onClose, options, optionsProblem, form, onFormChange, step, onStepChange, serverError, onSubmit }: Props) {
  const [checkedSteps, setCheckedSteps] = useState<ReadonlySet<LaunchStep>>(new Set());
  const image = options.images.find((candidate) => candidate.id === form.imageId) ?? null;
  const flavor = options.flavors.find((candidate) => candidate.id === form.flavorId) ?? null;
  const count = countOf(form);
  const refusalOf = (candidate: (typeof options.flavors)[number]) => flavorRefusal(candidate, image, count, options.quotas);

  const errors: FieldErrors = { ...serverError?.fields, ...launchFormErrors(form) };
  const flavorProblem = flavor && refusalOf(flavor);
  if (flavorProblem) errors.flavorId = flavorProblem;
  const shown = (field: string) => (checkedSteps.has(stepOf(field)) || serverError?.fields?.[field] ? errors[field] : undefined);

  const index = LAUNCH_STEPS.findIndex((candidate) => candidate.id === step);
  const set = <K extends keyof LaunchForm>(key: K, value: LaunchForm[K]) => onFormChange({ ...form, [key]: value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCheckedSteps((before) => new Set([...before, step]));
    if (step !== "review") {
      // Stay until this step is right; the step list still lets the user go anywhere.
      if (errorsOnStep(errors, step).length === 0) onStepChange(LAUNCH_STEPS[index + 1].id);
      return;
    }
    setCheckedSteps(new Set(LAUNCH_STEPS.map((candidate) => candidate.id)));
    const first = Object.keys(errors)[0];
    if (first) return onStepChange(stepOf(first));
    onSubmit();
  };

  return (
    <Dialog open={open} onClose={onClose} title="Launch instances" wide>
      <nav aria-label="Launch steps" className="border-b border-slate-200 px-4 py-2">
        <ol className="flex flex-wrap gap-1">
          {LAUNCH_STEPS.map((candidate, i) => {
            const faulty = checkedSteps.has(candidate.id) && errorsOnStep(errors, candidate.id).length > 0;
            return (
              <li key={candidate.id}>
                <button
                  type="button"
                  aria-current={candidate.id === step ? "step" : undefined}
                  onClick={() => {
                    setCheckedSteps((before) => new Set([...before, step]));
                    onStepChange(candidate.id);
                  }}
                  className={cn(
                    "rounded px-2 py-1 text-sm",
                    candidate.id === step ? "bg-sky-100 font-medium text-sky-900" : "text-slate-600 hover:bg-slate-100",
                  )}
                >
                  <span className="mr-1 text-xs text-slate-500">{i + 1}</span>
                  {candidate.label}
                  {faulty && (
                    <span className="ml-1 text-red-700" aria-label="(has errors)">
                      •
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <form onSubmit={submit} noValidate className="flex min-h-0 flex-1 flex-col">
        <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-4 py-3">
          {serverError && (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
              The server refused this launch: {serverError.message}
            </p>
          )}
          {optionsProblem && (
            <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
              Could not refresh images, flavors and quota ({optionsProblem}); what is shown may be out of date.
            </p>
          )}
          {step === "details" && <DetailsStep form={form} set={set} options={options} errorOf={shown} />}
          {step === "source" && <SourceStep form={form} onFormChange={onFormChange} options={options} errorOf={shown} />}
          {step === "flavor" && (
            <FlavorStep form={form} set={set} options={options} refusalOf={refusalOf} errorOf={shown} request={flavor ? requestDelta(flavor, count) : null} />
          )}
          {step === "configuration" && <ConfigurationStep form={form} set={set} networks={options.networks} errorOf={shown} />}
          {step === "review" && <ReviewStep form={form} options={options} errors={errors} count={count} onStepChange={onStepChange} />}
        </div>
        <div className="flex items-center justify-between gap-2 border-t border-slate-200 px-4 py-3">
          <button type="button" disabled={index === 0} onClick={() => onStepChange(LAUNCH_STEPS[index - 1].id)} className={buttonClass("secondary", "disabled:opacity-50")}>
            Back
          </button>
          <button type="submit" className={buttonClass("primary")}>
            {step === "review" ? `Launch ${count === 1 ? "1 instance" : `${count} instances`}` : "Next"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

type StepProps = {
  form: LaunchForm;
  set: <K extends keyof LaunchForm>(key: K, value: LaunchForm[K]) => void;
  errorOf: (field: string) => string | undefined;
};

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} role="alert" className="mt-1 text-red-700">
      {message}
    </p>
  ) : null;
}

function DetailsStep({ form, set, options, errorOf }: StepProps & { options: LaunchOptions }) {
  const id = useId();
  return (
    <>
      <TextField id="launch-name" label="Instance name" value={form.name} onChange={(event) => set("name", event.target.value)} error={errorOf("name")} autoComplete="off" />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="launch-count" label="Count" type="number" min={1} max={50} value={form.count} onChange={(event) => set("count", event.target.value)} error={errorOf("minCount")} />
        <TextField
          id="launch-max-count"
          label="Up to (optional)"
          type="number"
          min={1}
          max={50}
          value={form.maxCount}
          onChange={(event) => set("maxCount", event.target.value)}
          error={errorOf("maxCount")}
          placeholder="as many as fit, up to this"
        />
      </div>
      <p className="-mt-2 text-xs text-slate-500">With more than one, instances are named {form.name || "name"}-1, {form.name || "name"}-2, …</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-zone`} className="font-medium text-slate-700">
            Availability zone
          </label>
          <select id={`${id}-zone`} value={form.availabilityZone} onChange={(event) => set("availabilityZone", event.target.value)} className={FIELD} aria-invalid={errorOf("availabilityZone") ? true : undefined}>
            <option value="">Any zone</option>
            {options.zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-zone-error`} message={errorOf("availabilityZone")} />
        </div>
        <div>
          <label htmlFor={`${id}-group`} className="font-medium text-slate-700">
            Server group
          </label>
          <select
            id={`${id}-group`}
            value={form.serverGroupId}
            onChange={(event) => set("serverGroupId", event.target.value)}
            className={FIELD}
            aria-invalid={errorOf("serverGroupId") ? true : undefined}
            aria-describedby={`${id}-group-hint`}
          >
            <option value="">None</option>
            {options.serverGroups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}: {POLICY_LABEL[group.policy]}
              </option>
            ))}
          </select>
          <p id={`${id}-group-hint`} className="mt-1 text-xs text-slate-500">
            Affinity keeps the group on one host, where its instances share private networks.
          </p>
          <FieldError id={`${id}-group-error`} message={errorOf("serverGroupId")} />
        </div>
      </div>
      <fieldset>
        <legend className="font-medium text-slate-700">Kind</legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-2">
          {(
            [
              ["machine", "Machine", "A long-lived system with a shell you log into; it keeps running."],
              ["application", "Application", "Runs its command; it stops when the command ends."],
            ] as const
          ).map(([value, label, help]) => (
            <label key={value} className="flex gap-2 rounded-md border border-slate-200 p-2 has-checked:border-sky-500 has-checked:bg-sky-50">
              <input type="radio" name="kind" value={value} checked={form.kind === value} onChange={() => set("kind", value)} className="mt-0.5" />
              <span>
                <span className="font-medium text-slate-900">{label}</span>
                <span className="block text-xs text-slate-600">{help}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}

function SourceStep({ form, onFormChange, options, errorOf }: Omit<StepProps, "set"> & { onFormChange: (form: LaunchForm) => void; options: LaunchOptions }) {
  if (options.images.length === 0) return <p className="text-slate-600">No active image is available to this project yet.</p>;
  return (
    <fieldset>
      <legend className="font-medium text-slate-700">Image</legend>
      <FieldError id="launch-image-error" message={errorOf("imageId")} />
      <ul className="mt-1 divide-y divide-slate-100 rounded-md border border-slate-200">
        {options.images.map((image) => (
          <li key={image.id}>
            <label className="flex cursor-pointer gap-3 px-3 py-2 hover:bg-slate-50 has-checked:bg-sky-50">
              <input
                type="radio"
                name="imageId"
                value={image.id}
                aria-label={image.name}
                aria-describedby={`image-${image.id}-facts`}
                checked={form.imageId === image.id}
                // An image that says what kind it is sets the kind; the Details step can still change it.
                onChange={() => onFormChange({ ...form, imageId: image.id, kind: image.kind ?? form.kind })}
                className="mt-0.5"
              />
              <span className="min-w-0 flex-1">
                <span className="font-medium text-slate-900">{image.name}</span>
                {image.description && <span className="block text-xs text-slate-600">{image.description}</span>}
                <span id={`image-${image.id}-facts`} className="block text-xs text-slate-500">
                  {formatSize(image.sizeBytes)} · min RAM {image.minRamMiB ? formatSize(image.minRamMiB, "MiB") : "none"} · min disk{" "}
                  {image.minDiskGiB ? formatSize(image.minDiskGiB, "GiB") : "none"}
                  {image.kind && ` · ${image.kind}`}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function FlavorStep({
  form,
  set,
  options,
  refusalOf,
  errorOf,
  request,
}: StepProps & { options: LaunchOptions; refusalOf: (flavor: LaunchOptions["flavors"][number]) => string | null; request: ReturnType<typeof requestDelta> | null }) {
  return (
    <>
      <QuotaRequestBars quotas={options.quotas} request={request ?? { instances: 0, cores: 0, ram: 0, disk: 0 }} />
      <fieldset>
        <legend className="font-medium text-slate-700">Flavor</legend>
        <FieldError id="launch-flavor-error" message={errorOf("flavorId")} />
        <div className="mt-1 overflow-x-auto rounded-md border border-slate-200">
          <table className="w-full text-left">
            <caption className="sr-only">Flavors</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Name
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  vCPU
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  RAM
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Disk
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {options.flavors.map((flavor) => {
                const refusal = refusalOf(flavor);
                const reasonId = `flavor-${flavor.id}-reason`;
                return (
                  <tr key={flavor.id} className={cn(refusal ? "text-slate-400" : "hover:bg-slate-50", form.flavorId === flavor.id && "bg-sky-50")}>
                    <th scope="row" className="px-3 py-2 font-normal">
                      <label className={cn("flex gap-2", refusal ? "cursor-not-allowed" : "cursor-pointer")}>
                        <input
                          type="radio"
                          name="flavorId"
                          value={flavor.id}
                          aria-label={flavor.name}
                          aria-describedby={refusal ? reasonId : undefined}
                          disabled={!!refusal}
                          checked={form.flavorId === flavor.id}
                          onChange={() => set("flavorId", flavor.id)}
                          className="mt-0.5"
                        />
                        <span>
                          <span className={cn("font-medium", refusal ? "text-slate-500" : "text-slate-900")}>{flavor.name}</span>
                          {refusal && (
                            <span id={reasonId} className="block text-xs text-red-800">
                              {refusal}
                            </span>
                          )}
                        </span>
                      </label>
                    </th>
                    <td className="px-3 py-2 text-right tabular-nums">{flavor.vcpus}</td>
                    <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatSize(flavor.ramMiB, "MiB")}</td>
                    <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatSize(flavor.diskGiB, "GiB")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </fieldset>
    </>
  );
}

function ConfigurationStep({ form, set, networks, errorOf }: StepProps & { networks: LaunchNetwork[] }) {
  const keyError = (group: "env" | "labels") => (key: string) => errorOf(`${group}.${key}`);
  return (
    <>
      <NetworksField networks={networks} chosen={networksOf(form, networks)} onChange={(ids) => set("networkIds", ids)} error={errorOf("networkIds")} />
      <TextField
        id="launch-command"
        label="Command"
        value={form.command}
        onChange={(event) => set("command", event.target.value)}
        error={errorOf("command")}
        placeholder="the image's default"
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        id="launch-working-dir"
        label="Working directory"
        value={form.workingDir}
        onChange={(event) => set("workingDir", event.target.value)}
        error={errorOf("workingDir")}
        placeholder="the image's default"
        autoComplete="off"
        spellCheck={false}
      />
      <KeyValueRows legend="Environment variables" keyLabel="Name" rows={form.env} onChange={(rows) => set("env", rows)} errorFor={keyError("env")} />
      <KeyValueRows legend="Labels" keyLabel="Key" rows={form.labels} onChange={(rows) => set("labels", rows)} errorFor={keyError("labels")} />
      {errorOf("labels") && (
        <p role="alert" className="text-red-700">
          {errorOf("labels")}
        </p>
      )}
    </>
  );
}

/** The project's networks as checkboxes, in the project's order; the order ticked decides the primary. */
function NetworksField({ networks, chosen, onChange, error }: { networks: LaunchNetwork[]; chosen: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const id = useId();
  return (
    <fieldset aria-describedby={`${id}-hint`}>
      <legend className="font-medium text-slate-700">Networks</legend>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        The instance gets an address on each; the first ticked is its primary network. Networks are per host: instances on different hosts are not
        connected.
      </p>
      <FieldError id={`${id}-error`} message={error} />
      <ul className="mt-1 divide-y divide-slate-100 rounded-md border border-slate-200">
        {networks.map((network) => {
          const position = chosen.indexOf(network.id);
          return (
            <li key={network.id}>
              <label className="flex cursor-pointer items-start gap-3 px-3 py-2 hover:bg-slate-50 has-checked:bg-sky-50">
                <input
                  type="checkbox"
                  aria-label={network.name}
                  checked={position >= 0}
                  onChange={(event) => onChange(withNetwork(chosen, network.id, event.target.checked))}
                  className="mt-0.5"
                />
                <span className="min-w-0 flex-1">
                  <span className="font-medium text-slate-900">{network.name}</span>
                  <span className="block text-xs text-slate-500">{network.cidr ?? "automatic subnet"}</span>
                </span>
                {position >= 0 && <span className="text-xs text-slate-600">{position === 0 ? "primary" : `#${position + 1}`}</span>}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function ReviewStep({
  form,
  options,
  errors,
  count,
  onStepChange,
}: {
  form: LaunchForm;
  options: LaunchOptions;
  errors: FieldErrors;
  count: number;
  onStepChange: (step: LaunchStep) => void;
}) {
  const image = options.images.find((candidate) => candidate.id === form.imageId);
  const flavor = options.flavors.find((candidate) => candidate.id === form.flavorId);
  const group = options.serverGroups.find((candidate) => candidate.id === form.serverGroupId);
  const networkNames = networksOf(form, options.networks).map((id) => options.networks.find((network) => network.id === id)?.name ?? id);
  const problems = Object.entries(errors);
  const facts: [string, ReactNode][] = [
    ["Name", form.name || "—"],
    ["Count", form.maxCount ? `${count} to ${form.maxCount} (as many as fit)` : count],
    ["Zone", form.availabilityZone || "any"],
    ["Server group", group ? `${group.name}: ${POLICY_LABEL[group.policy]}` : "none"],
    ["Kind", form.kind],
    ["Image", image?.name ?? "—"],
    ["Networks", networkNames.length ? networkNames.map((name, i) => (i === 0 ? `${name} (primary)` : name)).join(", ") : "—"],
    ["Flavor", flavor ? `${flavor.name}: ${flavor.vcpus} vCPU, ${formatSize(flavor.ramMiB, "MiB")}, ${formatSize(flavor.diskGiB, "GiB")} disk` : "—"],
    ["Command", form.command || "the image's default"],
    ["Working directory", form.workingDir || "the image's default"],
    ["Environment", form.env.filter((row) => row.key).map((row) => `${row.key}=${row.value}`).join(", ") || "none"],
    ["Labels", form.labels.filter((row) => row.key).map((row) => `${row.key}=${row.value}`).join(", ") || "none"],
  ];
  return (
    <>
      {problems.length > 0 && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          <p className="font-medium">Fix these first:</p>
          <ul className="mt-1 space-y-0.5">
            {problems.map(([field, message]) => (
              <li key={field}>
                <button type="button" className="block text-left underline" onClick={() => onStepChange(stepOf(field))}>
                  {fieldLabel(field)}: {message}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <FieldList fields={facts} />
      <QuotaRequestBars quotas={options.quotas} request={flavor ? requestDelta(flavor, count) : { instances: count, cores: 0, ram: 0, disk: 0 }} />
    </>
  );
}
