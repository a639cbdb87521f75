import type { ButtonHTMLAttributes, ReactNode } from "react";
import { buttonClass, type ButtonVariant } from "@/components/ui/button-class";

/** A button that says what is happening while its action runs (forms driven by `useAdminAction`). */
export function PendingButton({
  pending,
  pendingLabel,
  variant = "primary",
  type = "submit",
  children,
  ...button
}: { pending: boolean; pendingLabel: string; variant?: ButtonVariant; children: ReactNode } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type={type} disabled={pending || button.disabled} className={buttonClass(variant)} {...button}>
      {pending ? pendingLabel : children}
    </button>
  );
}
