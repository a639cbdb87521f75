"use client";

import { useState, type ReactNode } from "react";
import { ActionDone } from "@/components/admin/form-fields";
import { buttonClass, type ButtonVariant } from "./button-class";

/**
 * A button that opens a dialog (for a page header's "Create …"). The dialog gets `close`; called
 * with a message, that message stays beside the button to say what was done.
 */
export function OpenDialogButton({
  label,
  variant = "primary",
  dialog,
}: {
  label: string;
  variant?: ButtonVariant;
  dialog: (close: (done?: ReactNode) => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<ReactNode>(null);
  return (
    <div className="flex flex-col items-end gap-1.5">
      <button
        type="button"
        onClick={() => {
          setDone(null);
          setOpen(true);
        }}
        className={buttonClass(variant)}
      >
        {label}
      </button>
      {done && <ActionDone>{done}</ActionDone>}
      {open &&
        dialog((message) => {
          setOpen(false);
          setDone(message ?? null);
        })}
    </div>
  );
}
