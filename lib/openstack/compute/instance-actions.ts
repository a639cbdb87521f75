import "server-only";
import type { Db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { isUuid } from "@/lib/identity/access";
import { isAdmin, requirePermission, type ComputeContext, type ScopedCaller } from "../access";
import { isoMicros, json, type ApiRequest } from "../http";
import { atLeast } from "./microversion";
import { hostIdOf } from "./server-view";

// Berth's action names where Nova's differ.
const NOVA_ACTION: Record<string, string> = {
  "hard-reboot": "reboot",
  snapshot: "createImage",
  "reset-state": "resetState",
  rename: "update",
  "confirm-resize": "confirmResize",
  "revert-resize": "revertResize",
};
const RESULT: Record<string, string> = { success: "Success", error: "Error" };

/** The action log of a server, deleted ones included (Nova 2.21), within the caller's reach. */
async function instanceOf(db: Db, caller: ScopedCaller, id: string) {
  const instance = isUuid(id)
    ? await db.instance.findFirst({ where: { id, ...(isAdmin(caller) ? {} : { projectId: caller.project.id }) }, include: { host: { select: { name: true } } } })
    : null;
  if (!instance) throw new BerthError("NOT_FOUND", `Instance ${id} could not be found.`);
  return instance;
}

type ActionRow = { action: string; instanceId: string; requestId: string; userId: string | null; startedAt: Date; finishedAt: Date | null; result: string | null; error: string | null };

function actionView(row: ActionRow, projectId: string, { version }: ComputeContext) {
  return {
    action: NOVA_ACTION[row.action] ?? row.action,
    instance_uuid: row.instanceId,
    message: row.result === "error" ? "Error" : null,
    project_id: projectId,
    request_id: row.requestId,
    start_time: isoMicros(row.startedAt),
    user_id: row.userId,
    ...(atLeast(version, 58) ? { updated_at: isoMicros(row.finishedAt ?? row.startedAt) } : {}),
  };
}

export async function list(api: ApiRequest, context: ComputeContext) {
  requirePermission(context.caller, "project:view");
  const instance = await instanceOf(context.db, context.caller, api.params.id);
  const rows = await context.db.instanceAction.findMany({ where: { instanceId: instance.id }, orderBy: { startedAt: "desc" } });
  return json({ instanceActions: rows.map((row) => actionView(row, instance.projectId, context)) });
}

/** One request's record with its steps; before 2.51 only admins see the steps, and only admins see failure details. */
export async function show(api: ApiRequest, context: ComputeContext) {
  const { db, caller, version } = context;
  requirePermission(caller, "project:view");
  const instance = await instanceOf(db, caller, api.params.id);
  const row = await db.instanceAction.findFirst({ where: { instanceId: instance.id, requestId: api.params.requestId }, include: { events: { orderBy: { startedAt: "asc" } } } });
  if (!row) throw new BerthError("NOT_FOUND", `Action for request_id ${api.params.requestId} on instance ${instance.id} not found.`);
  const admin = isAdmin(caller);
  const showEvents = admin || atLeast(version, 51);
  const events = row.events.map((event) => ({
    event: event.event,
    start_time: isoMicros(event.startedAt),
    finish_time: isoMicros(event.finishedAt),
    result: event.result ? (RESULT[event.result] ?? event.result) : null,
    ...(admin ? { traceback: event.result === "error" ? event.details : null } : {}),
    ...(atLeast(version, 62) ? { hostId: hostIdOf(instance.projectId, instance.host?.name), ...(admin ? { host: instance.host?.name ?? "" } : {}) } : {}),
  }));
  return json({ instanceAction: { ...actionView(row, instance.projectId, context), ...(showEvents ? { events } : {}) } });
}
