"use client";

import type { FormEvent } from "react";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { ActionAlert, SelectField } from "@/components/admin/form-fields";
import { formValues } from "@/components/admin/form-values";
import { PendingButton } from "@/components/admin/pending-button";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { setMembershipAction } from "../actions";

type Role = "member" | "reader";
const ROLES: { value: Role; label: string }[] = [
  { value: "member", label: "member: launches and operates instances" },
  { value: "reader", label: "reader: sees, changes nothing" },
];

function RoleOptions() {
  return ROLES.map((r) => (
    <option key={r.value} value={r.value}>
      {r.label}
    </option>
  ));
}

const roleOf = (form: HTMLFormElement): Role => (formValues(form).text("role") === "reader" ? "reader" : "member");

/** A member's role, changed in place, and their removal from the project. */
export function MemberControls({ projectId, user, role }: { projectId: string; user: { id: string; username: string }; role: Role }) {
  const change = useAdminAction(setMembershipAction);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    change.run({ projectId, userId: user.id, role: roleOf(event.currentTarget) });
  }
  return (
    <div className="flex flex-wrap items-start gap-2">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role of {user.username}
        </label>
        <select id={`role-${user.id}`} name="role" defaultValue={role} className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm shadow-sm">
          {ROLES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.value}
            </option>
          ))}
        </select>
        <PendingButton pending={change.pending} pendingLabel="Saving…" variant="secondary">
          Change role<span className="sr-only"> of {user.username}</span>
        </PendingButton>
      </form>
      <ConfirmAction
        label="Remove"
        pendingLabel="Removing…"
        title={`Remove ${user.username} from the project?`}
        confirmLabel="Remove"
        run={() => setMembershipAction({ projectId, userId: user.id, role: null })}
      >
        {user.username} loses access to the project at once. Their instances stay in the project.
      </ConfirmAction>
      <ActionAlert error={change.error} />
    </div>
  );
}

export function AddMemberForm({ projectId, candidates }: { projectId: string; candidates: { id: string; username: string; enabled: boolean }[] }) {
  const add = useAdminAction(setMembershipAction);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    add.run({ projectId, userId: formValues(form).text("userId"), role: roleOf(form) }, () => form.reset());
  }
  if (candidates.length === 0) return <p className="text-slate-600">Every user is a member already. Create users on the Users page.</p>;
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Add member">
      <ActionAlert error={add.error} />
      <SelectField id="member-user" name="userId" label="User" defaultValue="" error={add.error?.fields?.userId}>
        <option value="" disabled>
          Choose a user…
        </option>
        {candidates.map((u) => (
          <option key={u.id} value={u.id}>
            {u.username}
            {u.enabled ? "" : " (disabled)"}
          </option>
        ))}
      </SelectField>
      <SelectField id="member-role" name="role" label="Role" defaultValue="member" error={add.error?.fields?.role}>
        <RoleOptions />
      </SelectField>
      <PendingButton pending={add.pending} pendingLabel="Adding…">
        Add member
      </PendingButton>
    </form>
  );
}
