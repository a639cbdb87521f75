import type { UserContext } from "@/lib/actions/action-client";
import type { AuditActor } from "@/lib/audit/audit";

/** Who the audit log names for an admin action: the signed-in admin. */
export function auditActor({ user }: UserContext): AuditActor {
  return { id: user.id, username: user.username };
}
