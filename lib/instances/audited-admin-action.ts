import "server-only";
import type { Db } from "@/lib/db/client";
import { audit, type AuditActor } from "@/lib/audit/audit";

/**
 * An admin's action on an instance (reset state, migrate, evacuate, delete, lock) goes to the
 * instance's action log like anyone's, and also to the admin audit log with the instance's state
 * before and after the request.
 */
export async function auditedAdminAction<T>(db: Db, admin: AuditActor, instanceId: string, action: string, run: () => Promise<T>): Promise<T> {
  const before = await db.instance.findUnique({ where: { id: instanceId } });
  const result = await run();
  const after = await db.instance.findUnique({ where: { id: instanceId } });
  await audit(db, admin, `instance.${action}`, { type: "instance", id: instanceId, name: before?.name }, before, after);
  return result;
}
