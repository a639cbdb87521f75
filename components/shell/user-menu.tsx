import { Badge } from "@/components/ui/badge";
import type { SessionUser } from "@/lib/identity/sessions";
import { SignOutButton } from "./sign-out-button";

export function UserMenu({ user }: { user: SessionUser }) {
  return (
    <div className="flex shrink-0 items-center gap-2">
      <span className="max-w-20 truncate text-slate-700 sm:max-w-40" title={user.displayName ?? undefined}>
        {user.username}
      </span>
      {user.isAdmin && <Badge tone="info">Admin</Badge>}
      <SignOutButton />
    </div>
  );
}
