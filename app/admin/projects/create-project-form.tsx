"use client";

import type { FormEvent } from "react";
import { ActionAlert, ActionDone, InputField } from "@/components/admin/form-fields";
import { formValues } from "@/components/admin/form-values";
import { PendingButton } from "@/components/admin/pending-button";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { createProjectSchema } from "@/lib/identity/identity-schema";
import { createProjectAction } from "./actions";

export function CreateProjectForm() {
  const create = useAdminAction(createProjectAction, createProjectSchema);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const v = formValues(form);
    create.run({ name: v.text("name"), description: v.text("description") }, () => form.reset());
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Create project">
      <ActionAlert error={create.error} />
      {create.data && <ActionDone>Project {create.data.name} created with the default quotas. Add its members from its page.</ActionDone>}
      <InputField id="project-name" name="name" label="Name" required autoComplete="off" spellCheck={false} error={create.error?.fields?.name} />
      <InputField id="project-description" name="description" label="Description" maxLength={500} error={create.error?.fields?.description} />
      <PendingButton pending={create.pending} pendingLabel="Creating…">
        Create project
      </PendingButton>
    </form>
  );
}
