import { signOutAction } from "@/app/(auth)/sign-out/actions";
import { SubmitButton } from "@/components/ui/submit-button";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <SubmitButton variant="quiet" pendingLabel="Signing out…" className="px-2">
        Sign out
      </SubmitButton>
    </form>
  );
}
