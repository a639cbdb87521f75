import type { ReactNode } from "react";
import { buttonClass, type ButtonVariant } from "@/components/ui/button-class";
import { PendingButton } from "./pending-button";

/** Cancel and submit at the foot of a dialog's form. */
export function DialogButtons({
  onCancel,
  pending,
  pendingLabel,
  variant = "primary",
  children,
}: {
  onCancel: () => void;
  pending: boolean;
  pendingLabel: string;
  variant?: ButtonVariant;
  children: ReactNode;
}) {
  return (
    <div className="flex justify-end gap-2 pt-1">
      <button type="button" onClick={onCancel} className={buttonClass("secondary")}>
        Cancel
      </button>
      <PendingButton pending={pending} pendingLabel={pendingLabel} variant={variant}>
        {children}
      </PendingButton>
    </div>
  );
}
