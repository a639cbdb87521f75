"use client";

import type { FormEvent } from "react";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { ActionAlert, ActionDone, InputField } from "@/components/admin/form-fields";
import { formValues } from "@/components/admin/form-values";
import { PendingButton } from "@/components/admin/pending-button";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { renameProjectAction, setProjectEnabledAction } from "../actions";

export function RenameProjectForm({ projectId, name }: { projectId: string; name: string }) {
  const rename = useAdminAction(renameProjectAction);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rename.run({ projectId, name: formValues(event.currentTarget).text("name") });
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Rename project">
      <ActionAlert error={rename.error} />
      {rename.done && <ActionDone>Renamed.</ActionDone>}
      <InputField id="project-name" name="name" label="Name" defaultValue={name} required spellCheck={false} error={rename.error?.fields?.name} />
      <PendingButton pending={rename.pending} pendingLabel="Renaming…">
        Rename
      </PendingButton>
    </form>
  );
}

/** Disabling stops launches in the project; what runs keeps running. Enabling needs no question. */
export function ProjectEnabled({ projectId, name, enabled }: { projectId: string; name: string; enabled: boolean }) {
  const enable = useAdminAction(setProjectEnabledAction);
  if (enabled) {
    return (
      <div className="space-y-3">
        <p className="text-slate-600">Members can launch instances in {name}.</p>
        <ConfirmAction
          label="Disable project"
          pendingLabel="Disabling…"
          title={`Disable ${name}?`}
          confirmLabel="Disable"
          run={() => setProjectEnabledAction({ projectId, enabled: false })}
        >
          No one can launch instances in {name} until it is enabled again. Its instances keep running and can still be stopped or deleted.
        </ConfirmAction>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <ActionAlert error={enable.error} />
      <p className="text-slate-600">{name} is disabled: it cannot launch instances.</p>
      <PendingButton type="button" pending={enable.pending} pendingLabel="Enabling…" onClick={() => enable.run({ projectId, enabled: true })}>
        Enable project
      </PendingButton>
    </div>
  );
}
