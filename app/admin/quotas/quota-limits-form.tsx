"use client";

import type { FormEvent } from "react";
import { ActionAlert, ActionDone, InputField } from "@/components/admin/form-fields";
import { formValues } from "@/components/admin/form-values";
import { PendingButton } from "@/components/admin/pending-button";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { formatUsage } from "@/components/ui/format";
import { Meter } from "@/components/ui/meter";
import { quotaLimitsSchema } from "@/lib/quotas/quota-schema";
import type { QuotaResource } from "@/lib/quotas/quotas";
import { updateDefaultQuotasAction, updateProjectQuotasAction } from "./actions";

export type QuotaRow = { resource: QuotaResource; label: string; unit: string; limit: number; used?: number };

/** Limits of the defaults (no usage) or of one project (usage beside each limit). -1 means unlimited. */
export function QuotaLimitsForm({ rows, projectId }: { rows: QuotaRow[]; projectId?: string }) {
  const defaults = useAdminAction(updateDefaultQuotasAction, quotaLimitsSchema);
  const project = useAdminAction(updateProjectQuotasAction, quotaLimitsSchema);
  const save = projectId ? project : defaults;
  const id = (resource: string) => `${projectId ? "project" : "default"}-quota-${resource}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    const limits = Object.fromEntries(rows.map((row) => [row.resource, v.number(row.resource)]));
    if (projectId) project.run({ projectId, ...limits });
    else defaults.run(limits);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={projectId ? "Project quotas" : "Default quotas"}>
      <ActionAlert error={save.error} />
      <div className="grid gap-4 sm:grid-cols-2">
        {rows.map((row) => (
          <div key={row.resource} className="min-w-0">
            <InputField
              id={id(row.resource)}
              name={row.resource}
              label={row.unit ? `${row.label} (${row.unit})` : row.label}
              type="number"
              inputMode="numeric"
              min={-1}
              step={1}
              defaultValue={row.limit}
              required
              error={save.error?.fields?.[row.resource]}
              hint={row.used === undefined ? "-1 for unlimited" : `In use: ${formatUsage(row.used, row.limit, row.unit)} · -1 for unlimited`}
            />
            {row.used !== undefined && (
              <div className="mt-1.5">
                <Meter label={`${row.label} used`} value={row.used} max={row.limit} valueText={formatUsage(row.used, row.limit, row.unit)} />
              </div>
            )}
          </div>
        ))}
      </div>
      {save.done && <ActionDone>Saved.</ActionDone>}
      <PendingButton pending={save.pending} pendingLabel="Saving…">
        {projectId ? "Save quotas" : "Save defaults"}
      </PendingButton>
    </form>
  );
}
