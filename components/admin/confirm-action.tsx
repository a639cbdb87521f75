"use client";

import { useId, useState, type ReactNode } from "react";
import { buttonClass, type ButtonVariant } from "@/components/ui/button-class";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/action-client";
import { useAdminAction } from "./use-admin-action";

/**
 * A button for something that cannot be undone: it asks first, then runs the action and shows
 * the server's refusal, if any, right under the button. With `disabledReason` it cannot be
 * pressed, and says why under it.
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
  disabledReason,
}: {
  label: string;
  pendingLabel: string;
  title: string;
  confirmLabel: string;
  children: ReactNode;
  run: () => Promise<ActionResult<T>>;
  onDone?: (data: T) => void;
  variant?: ButtonVariant;
  disabledReason?: string;
}) {
  const [open, setOpen] = useState(false);
  const action = useAdminAction(run);
  const reasonId = useId();
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        onClick={() => setOpen(true)}
        disabled={action.pending || !!disabledReason}
        aria-describedby={disabledReason ? reasonId : undefined}
        className={buttonClass(variant, "disabled:opacity-60")}
      >
        {action.pending ? pendingLabel : label}
      </button>
      {disabledReason && (
        <span id={reasonId} className="max-w-60 text-xs whitespace-normal text-slate-500">
          {disabledReason}
        </span>
      )}
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
