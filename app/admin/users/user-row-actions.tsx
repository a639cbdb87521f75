"use client";

import { useState, type FormEvent } from "react";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { DialogButtons } from "@/components/admin/dialog-buttons";
import { ActionAlert, ActionDone, InputField } from "@/components/admin/form-fields";
import { formValues } from "@/components/admin/form-values";
import { PendingButton } from "@/components/admin/pending-button";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { buttonClass } from "@/components/ui/button-class";
import { Dialog } from "@/components/ui/dialog";
import { resetPasswordAction, setUserEnabledAction } from "./actions";
import { resetPasswordSchema } from "./reset-password-schema";

type Target = { id: string; username: string; enabled: boolean; self: boolean };

export function UserRowActions({ user }: { user: Target }) {
  const [resetting, setResetting] = useState(false);
  const enable = useAdminAction(setUserEnabledAction);
  return (
    <div className="flex flex-wrap items-start justify-end gap-2">
      <button type="button" onClick={() => setResetting(true)} className={buttonClass("secondary")}>
        Reset password<span className="sr-only"> of {user.username}</span>
      </button>
      {user.enabled ? (
        !user.self && (
          <ConfirmAction
            label="Disable"
            pendingLabel="Disabling…"
            title={`Disable ${user.username}?`}
            confirmLabel="Disable"
            run={() => setUserEnabledAction({ userId: user.id, enabled: false })}
          >
            {user.username} is signed out everywhere at once and cannot sign in until enabled again. Their instances keep running.
          </ConfirmAction>
        )
      ) : (
        <PendingButton type="button" variant="secondary" pending={enable.pending} pendingLabel="Enabling…" onClick={() => enable.run({ userId: user.id, enabled: true })}>
          Enable<span className="sr-only"> {user.username}</span>
        </PendingButton>
      )}
      <ActionAlert error={enable.error} />
      {resetting && <ResetPasswordDialog user={user} onClose={() => setResetting(false)} />}
    </div>
  );
}

function ResetPasswordDialog({ user, onClose }: { user: Target; onClose: () => void }) {
  const reset = useAdminAction(resetPasswordAction, resetPasswordSchema);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset.run({ userId: user.id, password: formValues(event.currentTarget).text("password") });
  }
  return (
    <Dialog open onClose={onClose} title={`Reset the password of ${user.username}`} description="Their sessions end at once; they sign in again with the new password.">
      <form onSubmit={submit} noValidate className="space-y-3 px-4 py-3">
        <ActionAlert error={reset.error} />
        {reset.done ? (
          <>
            <ActionDone>Password changed; {user.username} was signed out everywhere.</ActionDone>
            <div className="flex justify-end">
              <button type="button" autoFocus onClick={onClose} className={buttonClass("primary")}>
                Done
              </button>
            </div>
          </>
        ) : (
          <>
            <InputField id={`password-${user.id}`} name="password" label="New password" type="password" autoComplete="new-password" required minLength={8} error={reset.error?.fields?.password} />
            <DialogButtons onCancel={onClose} pending={reset.pending} pendingLabel="Saving…" variant="danger">
              Set password
            </DialogButtons>
          </>
        )}
      </form>
    </Dialog>
  );
}
