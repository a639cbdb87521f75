"use client";

import type { FormEvent } from "react";
import { ActionAlert, ActionDone, CheckboxField, InputField } from "@/components/admin/form-fields";
import { formValues } from "@/components/admin/form-values";
import { PendingButton } from "@/components/admin/pending-button";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { createUserSchema } from "@/lib/identity/identity-schema";
import { createUserAction } from "./actions";

export function CreateUserForm() {
  const create = useAdminAction(createUserAction, createUserSchema);
  const field = (name: string) => create.error?.fields?.[name];
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const v = formValues(form);
    create.run(
      { username: v.text("username"), displayName: v.optionalText("displayName"), password: v.text("password"), isAdmin: v.text("isAdmin") === "on" },
      () => form.reset(),
    );
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Create user">
      <ActionAlert error={create.error} />
      {create.data && <ActionDone>User {create.data.username} created. Add them to projects from each project&apos;s page.</ActionDone>}
      <InputField id="user-username" name="username" label="Username" required autoComplete="off" autoCapitalize="none" spellCheck={false} error={field("username")} />
      <InputField id="user-display-name" name="displayName" label="Display name" autoComplete="off" error={field("displayName")} />
      <InputField id="user-password" name="password" label="Password" type="password" autoComplete="new-password" required minLength={8} error={field("password")} hint="At least 8 characters. Tell the user through a safe channel." />
      <CheckboxField id="user-is-admin" name="isAdmin" label="Administrator" hint="Sees and manages every project, host and user." />
      <PendingButton pending={create.pending} pendingLabel="Creating…">
        Create user
      </PendingButton>
    </form>
  );
}
