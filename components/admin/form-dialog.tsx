"use client";

import type { ReactNode } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { ActionError } from "@/lib/actions/action-client";
import { DialogButtons } from "./dialog-buttons";
import { ActionAlert } from "./form-fields";
import { formValues } from "./form-values";

/**
 * A dialog that is one form: the server's refusal on top (unless it is only about the `placed`
 * fields, shown beside them), the fields, then Cancel and submit. `onSubmit` gets the form's values.
 */
export function FormDialog({
  title,
  description,
  action,
  placed,
  pendingLabel,
  submitLabel,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  description?: ReactNode;
  /** The last answer of the action the form runs (`useAdminAction`). */
  action: { error: ActionError | null; pending: boolean };
  placed: readonly string[];
  pendingLabel: string;
  submitLabel: string;
  onSubmit: (values: ReturnType<typeof formValues>) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog open onClose={onClose} title={title} description={description}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(formValues(event.currentTarget));
        }}
        noValidate
        className="space-y-3 overflow-y-auto px-4 py-3"
      >
        <ActionAlert error={action.error} placed={placed} />
        {children}
        <DialogButtons onCancel={onClose} pending={action.pending} pendingLabel={pendingLabel}>
          {submitLabel}
        </DialogButtons>
      </form>
    </Dialog>
  );
}
