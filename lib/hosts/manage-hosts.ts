import "server-only";
import type { Db } from "@/lib/db/client";
import { audit, type AuditActor } from "@/lib/audit/audit";
import { BerthError } from "@/lib/errors";
import { requestAction } from "@/lib/instances/request-action";
import { parseInput } from "@/lib/validation";
import { PORT_RANGE_ORDER, updateHostSchema, type RegisterHostInput, type UpdateHostInput } from "./host-schema";
import { registerHost } from "./register-host";

async function hostOrThrow(db: Db, hostId: string) {
  const host = await db.host.findUnique({ where: { id: hostId } });
  if (!host) throw new BerthError("NOT_FOUND", "Host not found.");
  return host;
}

/** Adds a host after a successful connection test (registerHost probes the engine first). */
export async function addHost(db: Db, actor: AuditActor, input: RegisterHostInput) {
  const host = await registerHost(db, input);
  await audit(db, actor, "host.add", { type: "host", id: host.id, name: host.name }, null, host);
  return host;
}

export async function updateHost(db: Db, actor: AuditActor, hostId: string, input: UpdateHostInput) {
  const changes = parseInput(updateHostSchema, input, "host settings");
  const before = await hostOrThrow(db, hostId);
  // The schema compares the two ends when both are sent; one sent alone meets the one stored.
  const [portRangeMin, portRangeMax] = [changes.portRangeMin ?? before.portRangeMin, changes.portRangeMax ?? before.portRangeMax];
  if (portRangeMin > portRangeMax) {
    const field = changes.portRangeMax === undefined ? "portRangeMin" : "portRangeMax";
    throw new BerthError("INVALID_INPUT", `Invalid host settings: published ports from ${portRangeMin} to ${portRangeMax} is an empty range.`, {
      [field]: field === "portRangeMax" ? PORT_RANGE_ORDER : `must not be above the range's last port (${portRangeMax})`,
    });
  }
  return db.$transaction(async (tx) => {
    const after = await tx.host.update({ where: { id: hostId }, data: changes });
    await audit(tx, actor, "host.update", { type: "host", id: hostId, name: before.name }, before, after);
    return after;
  });
}

/** Disabling needs a reason, shown to admins and in the scheduler's "No valid host" message. */
export async function setHostEnabled(db: Db, actor: AuditActor, hostId: string, enabled: boolean, reason?: string) {
  const before = await hostOrThrow(db, hostId);
  const why = reason?.trim();
  if (!enabled && !why) throw new BerthError("INVALID_INPUT", "Say why the host is disabled.", { reason: "is required" });
  return db.$transaction(async (tx) => {
    const after = await tx.host.update({ where: { id: hostId }, data: { enabled, disabledReason: enabled ? null : why } });
    await audit(tx, actor, enabled ? "host.enable" : "host.disable", { type: "host", id: hostId, name: before.name }, before, after);
    return after;
  });
}

/** Only an empty host can go: nothing placed on it, nothing allocated. */
export async function removeHost(db: Db, actor: AuditActor, hostId: string) {
  const host = await hostOrThrow(db, hostId);
  const instances = await db.instance.count({ where: { hostId, deletedAt: null } });
  if (instances) {
    throw new BerthError("CONFLICT", `Host ${host.name} still has ${instances} instance${instances === 1 ? "" : "s"}: migrate, evacuate or delete them first.`);
  }
  await db.$transaction(async (tx) => {
    await tx.host.delete({ where: { id: hostId } });
    await audit(tx, actor, "host.remove", { type: "host", id: hostId, name: host.name }, host, null);
  });
}

/** Rebuilds every instance of a down host elsewhere; returns per-instance results. */
export async function evacuateHost(db: Db, actor: AuditActor, hostId: string) {
  const host = await hostOrThrow(db, hostId);
  if (host.status === "up") throw new BerthError("CONFLICT", `Host ${host.name} is up: evacuate only a host that is down; migrate instances off a live one.`);
  const instances = await db.instance.findMany({ where: { hostId, deletedAt: null }, orderBy: { name: "asc" } });
  const results: { instanceId: string; name: string; ok: boolean; message?: string }[] = [];
  for (const i of instances) {
    try {
      await requestAction(db, { userId: actor.id, isAdmin: true }, i.id, "evacuate");
      results.push({ instanceId: i.id, name: i.name, ok: true });
    } catch (error) {
      results.push({ instanceId: i.id, name: i.name, ok: false, message: (error as Error).message });
    }
  }
  await audit(db, actor, "host.evacuate", { type: "host", id: hostId, name: host.name }, null, { results });
  return results;
}
