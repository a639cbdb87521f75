"use client";

import type { FormEvent } from "react";
import { ActionAlert, ActionDone, InputField } from "@/components/admin/form-fields";
import { formValues } from "@/components/admin/form-values";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { PendingButton } from "@/components/admin/pending-button";
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
};

const NUMBERS = [
  { name: "cpuAllocationRatio", label: "vCPU ratio", step: "0.1", hint: "vCPUs handed out per physical CPU" },
  { name: "ramAllocationRatio", label: "RAM ratio", step: "0.1" },
  { name: "diskAllocationRatio", label: "Disk ratio", step: "0.1" },
  { name: "reservedCpus", label: "Reserved CPUs", step: "1", hint: "kept for the host itself" },
  { name: "reservedMemoryMiB", label: "Reserved RAM (MiB)", step: "1" },
  { name: "reservedDiskGiB", label: "Reserved disk (GiB)", step: "1" },
  { name: "diskGiB", label: "Disk (GiB)", step: "1", hint: "what instances may use in all" },
] as const;

/** Zone, allocation ratios and reserved amounts; the scheduler uses new values from the next launch on. */
export function HostSettingsForm({ hostId, settings }: { hostId: string; settings: Settings }) {
  const save = useAdminAction(updateHostAction, updateHostSchema);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    const numbers = Object.fromEntries(NUMBERS.map((n) => [n.name, v.number(n.name)]));
    save.run({ hostId, availabilityZone: v.text("availabilityZone"), ...numbers });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Host settings">
      <ActionAlert error={save.error} />
      <InputField id="availabilityZone" name="availabilityZone" label="Availability zone" defaultValue={settings.availabilityZone} required error={save.error?.fields?.availabilityZone} />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {NUMBERS.map((n) => (
          <InputField
            key={n.name}
            id={n.name}
            name={n.name}
            label={n.label}
            type="number"
            inputMode="decimal"
            min={0}
            step={n.step}
            defaultValue={settings[n.name]}
            required
            hint={"hint" in n ? n.hint : undefined}
            error={save.error?.fields?.[n.name]}
          />
        ))}
      </div>
      {save.done && <ActionDone>Saved. New launches use these settings.</ActionDone>}
      <PendingButton pending={save.pending} pendingLabel="Saving…">
        Save settings
      </PendingButton>
    </form>
  );
}
