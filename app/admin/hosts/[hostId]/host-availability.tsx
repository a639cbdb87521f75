"use client";

import type { FormEvent } from "react";
import { ActionAlert, InputField } from "@/components/admin/form-fields";
import { formValues } from "@/components/admin/form-values";
import { PendingButton } from "@/components/admin/pending-button";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { setHostEnabledAction } from "../actions";

/** Disable with a reason (the scheduler skips the host and names the reason), or enable again. */
export function HostAvailability({ hostId, enabled, reason }: { hostId: string; enabled: boolean; reason: string | null }) {
  const toggle = useAdminAction(setHostEnabledAction);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    toggle.run(enabled ? { hostId, enabled: false, reason: formValues(event.currentTarget).text("reason") } : { hostId, enabled: true });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Availability">
      <ActionAlert error={toggle.error} />
      {enabled ? (
        <>
          <p className="text-slate-600">The scheduler places new instances here. Disabling keeps what runs here running.</p>
          <InputField id="reason" name="reason" label="Reason for disabling" required maxLength={255} placeholder="kernel upgrade" error={toggle.error?.fields?.reason} />
          <PendingButton pending={toggle.pending} pendingLabel="Disabling…" variant="secondary">
            Disable host
          </PendingButton>
        </>
      ) : (
        <>
          <p className="text-slate-600">
            Disabled{reason ? `: ${reason}` : ""}. New launches avoid this host; what runs here keeps running.
          </p>
          <PendingButton pending={toggle.pending} pendingLabel="Enabling…">
            Enable host
          </PendingButton>
        </>
      )}
    </form>
  );
}
