import "server-only";
import type { Db, Tx } from "@/lib/db/client";

export type AuditActor = { id: string; username: string };
export type AuditTarget = { type: string; id?: string | null; name?: string | null };

/** JSON-safe copy of a record for the audit trail (BigInt → string, no password hashes). */
export function snapshot(record: object | null | undefined): Record<string, unknown> | undefined {
  if (!record) return undefined;
  return JSON.parse(
    JSON.stringify(record, (key, value) => (key === "passwordHash" || key === "tlsKey" ? "[hidden]" : typeof value === "bigint" ? value.toString() : value)),
  );
}

/** Writes one audit event inside the transaction that makes the change, so neither exists without the other. */
export async function audit(
  tx: Tx | Db,
  actor: AuditActor,
  action: string,
  target: AuditTarget,
  before?: object | null,
  after?: object | null,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      actorName: actor.username,
      action,
      targetType: target.type,
      targetId: target.id ?? null,
      targetName: target.name ?? null,
      before: snapshot(before) as never,
      after: snapshot(after) as never,
    },
  });
}

export function listAuditEvents(db: Db, options: { take?: number; before?: Date; targetType?: string } = {}) {
  return db.auditEvent.findMany({
    where: { ...(options.before ? { createdAt: { lt: options.before } } : {}), ...(options.targetType ? { targetType: options.targetType } : {}) },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 100,
  });
}
