"use client";

import { useState, type ReactNode } from "react";
import { buttonClass, type ButtonVariant } from "@/components/ui/button-class";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/action-client";
import { useAdminAction } from "./use-admin-action";

/**
 * A button for something that cannot be undone: it asks first, then runs the action and shows
 * the server's refusal, if any, right under the button.
 */
export function ConfirmAction<T>({
  label,
  pendingLabel,
  title,
  confirmLabel,
  children,
  run,
  onDone,
  variant = "secondary",
}: {
  label: string;
  pendingLabel: string;
  title: string;
  confirmLabel: string;
  children: ReactNode;
  run: () => Promise<ActionResult<T>>;
  onDone?: (data: T) => void;
  variant?: ButtonVariant;
}) {
  const [open, setOpen] = useState(false);
  const action = useAdminAction(run);
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button type="button" onClick={() => setOpen(true)} disabled={action.pending} className={buttonClass(variant)}>
        {action.pending ? pendingLabel : label}
      </button>
      <ConfirmDialog
        open={open}
        title={title}
        confirmLabel={confirmLabel}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          action.run(undefined, onDone);
        }}
      >
        {children}
      </ConfirmDialog>
      {action.error && (
        <span role="alert" className="max-w-80 text-sm break-words whitespace-normal text-red-700">
          {action.error.message}
        </span>
      )}
    </span>
  );
}
