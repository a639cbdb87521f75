"use client";

import type { FormEvent } from "react";
import { ActionAlert, ActionDone, InputField } from "@/components/admin/form-fields";
import { formValues } from "@/components/admin/form-values";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { PendingButton } from "@/components/admin/pending-button";
import type { ActionError } from "@/lib/actions/action-client";
import { updateHostSchema } from "@/lib/hosts/host-schema";
import { updateHostAction } from "../actions";

type Settings = {
  availabilityZone: string;
  cpuAllocationRatio: number;
  ramAllocationRatio: number;
  diskAllocationRatio: number;
  reservedCpus: number;
  reservedMemoryMiB: number;
  reservedDiskGiB: number;
  diskGiB: number;
  publicAddress: string | null;
  portRangeMin: number;
  portRangeMax: number;
};

type NumberName = { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings];
type NumberSetting = { name: NumberName; label: string; step: string; min: number; max?: number; hint?: string };

const NUMBERS: NumberSetting[] = [
  { name: "cpuAllocationRatio", label: "vCPU ratio", step: "0.1", min: 0, hint: "vCPUs handed out per physical CPU" },
  { name: "ramAllocationRatio", label: "RAM ratio", step: "0.1", min: 0 },
  { name: "diskAllocationRatio", label: "Disk ratio", step: "0.1", min: 0 },
  { name: "reservedCpus", label: "Reserved CPUs", step: "1", min: 0, hint: "kept for the host itself" },
  { name: "reservedMemoryMiB", label: "Reserved RAM (MiB)", step: "1", min: 0 },
  { name: "reservedDiskGiB", label: "Reserved disk (GiB)", step: "1", min: 0 },
  { name: "diskGiB", label: "Disk (GiB)", step: "1", min: 0, hint: "what instances may use in all" },
];

const PORT_RANGE: NumberSetting[] = [
  { name: "portRangeMin", label: "First port", step: "1", min: 1024, max: 65535 },
  { name: "portRangeMax", label: "Last port", step: "1", min: 1024, max: 65535 },
];

/** Every field shows its own error beside it. */
const PLACED = ["availabilityZone", "publicAddress", ...[...NUMBERS, ...PORT_RANGE].map((n) => n.name)];

function NumberFields({ fields, settings, error }: { fields: NumberSetting[]; settings: Settings; error: ActionError | null }) {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      {fields.map((n) => (
        <InputField
          key={n.name}
          id={n.name}
          name={n.name}
          label={n.label}
          type="number"
          inputMode="decimal"
          min={n.min}
          max={n.max}
          step={n.step}
          defaultValue={settings[n.name]}
          required
          hint={n.hint}
          error={error?.fields?.[n.name]}
        />
      ))}
    </div>
  );
}

/**
 * Zone, allocation ratios and reserved amounts (the scheduler uses new values from the next launch
 * on), and where published ports are reached (new publications use them).
 */
export function HostSettingsForm({ hostId, settings }: { hostId: string; settings: Settings }) {
  const save = useAdminAction(updateHostAction, updateHostSchema);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    const numbers = Object.fromEntries([...NUMBERS, ...PORT_RANGE].map((n) => [n.name, v.number(n.name)]));
    save.run({ hostId, availabilityZone: v.text("availabilityZone"), publicAddress: v.text("publicAddress"), ...numbers });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Host settings">
      <ActionAlert error={save.error} placed={PLACED} />
      <InputField id="availabilityZone" name="availabilityZone" label="Availability zone" defaultValue={settings.availabilityZone} required error={save.error?.fields?.availabilityZone} />
      <NumberFields fields={NUMBERS} settings={settings} error={save.error} />
      <fieldset className="space-y-3">
        <legend className="font-medium text-slate-700">Published ports</legend>
        <InputField
          id="publicAddress"
          name="publicAddress"
          label="Public address"
          defaultValue={settings.publicAddress ?? ""}
          placeholder="the endpoint's host"
          autoComplete="off"
          spellCheck={false}
          hint="Where users reach this host's published ports: a host name or an IPv4 address. Blank: the endpoint's host (127.0.0.1 for a local socket)."
          error={save.error?.fields?.publicAddress}
        />
        <NumberFields fields={PORT_RANGE} settings={settings} error={save.error} />
        <p className="text-xs text-slate-500">Ports 1024–65535; published ports take the lowest free one in this range unless a user asks for another in it.</p>
      </fieldset>
      {save.done && <ActionDone>Saved. New launches and published ports use these settings.</ActionDone>}
      <PendingButton pending={save.pending} pendingLabel="Saving…">
        Save settings
      </PendingButton>
    </form>
  );
}
