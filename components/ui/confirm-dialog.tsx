"use client";

import type { ReactNode } from "react";
import { buttonClass } from "./button-class";
import { Dialog } from "./dialog";

/** Asks before something that cannot be undone; the safe choice (Cancel) has the focus first. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog open={open} onClose={onCancel} title={title}>
      <div className="overflow-y-auto px-4 py-3 text-slate-700">{children}</div>
      <div className="flex justify-end gap-2 border-t border-slate-200 px-4 py-3">
        <button type="button" autoFocus onClick={onCancel} className={buttonClass("secondary")}>
          Cancel
        </button>
        <button type="button" onClick={onConfirm} className={buttonClass("danger")}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
