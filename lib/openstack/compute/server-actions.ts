import "server-only";
import { BerthError } from "@/lib/errors";
import type { Permission } from "@/lib/identity/permissions";
import { requestSnapshot } from "@/lib/images/snapshot-instance";
import { ACTION_PERMISSION } from "@/lib/instances/instance-row";
import { readLogTail } from "@/lib/instances/instance-logs";
import { MAX_PAGE_LINES } from "@/lib/instances/log-limits";
import { findInstance, lockInstance, renameInstance, requestAction, resetState, type JobAction } from "@/lib/instances/request-action";
import { actorOf, isAdmin, requirePermission, type ComputeContext } from "../access";
import { json, noContent, readJson, type ApiRequest } from "../http";
import { atLeast } from "./microversion";
import { refOf } from "./server-query";
import { serverOf } from "./servers";
import { toServer } from "./server-view";

type ActionHandler = (api: ApiRequest, context: ComputeContext, body: unknown) => Promise<Response>;

const accepted = () => noContent(202);

/** A lifecycle action through requestAction: the state machine and the job queue decide, as for the dashboard. */
function job(action: JobAction, params: (body: unknown) => Record<string, unknown> = () => ({}), answer = accepted): ActionHandler {
  return async (api, { db, caller }, body) => {
    await requestAction(db, actorOf(caller, api.requestId), api.params.id, action, params(body));
    return answer();
  };
}

const field = (body: unknown, name: string): unknown => (body && typeof body === "object" ? (body as Record<string, unknown>)[name] : undefined);

const refParam = (body: unknown, name: string) => {
  const value = field(body, name);
  if (typeof value !== "string" || !value) throw new BerthError("INVALID_INPUT", `${name} is required.`, { [name]: "is required" });
  return refOf(value);
};

async function reboot(api: ApiRequest, context: ComputeContext, body: unknown) {
  const type = String(field(body, "type") ?? "").toUpperCase();
  if (type !== "SOFT" && type !== "HARD") throw new BerthError("INVALID_INPUT", "Reboot type must be SOFT or HARD.", { type: "SOFT or HARD" });
  return job(type === "HARD" ? "hard-reboot" : "reboot")(api, context, body);
}

async function lock(api: ApiRequest, { db, caller, version }: ComputeContext, body: unknown) {
  const reason = atLeast(version, 73) ? field(body, "locked_reason") : undefined;
  await lockInstance(db, actorOf(caller, api.requestId), api.params.id, true, typeof reason === "string" ? reason : undefined);
  return accepted();
}

async function unlock(api: ApiRequest, { db, caller }: ComputeContext) {
  await lockInstance(db, actorOf(caller, api.requestId), api.params.id, false);
  return accepted();
}

/** Rebuild answers with the server, as Nova does; a new name is applied first. */
async function rebuild(api: ApiRequest, context: ComputeContext, body: unknown) {
  const { db, caller, version } = context;
  const actor = actorOf(caller, api.requestId);
  const imageId = refParam(body, "imageRef");
  const unsupported = ["adminPass", "personality", "user_data", "key_name", "description", "trusted_image_certificates", "hostname"].filter((k) => field(body, k));
  if (unsupported.length) throw new BerthError("INVALID_INPUT", `Berth does not support ${unsupported.join(", ")} on rebuild.`);
  const name = field(body, "name");
  if (typeof name === "string") await renameInstance(db, actor, api.params.id, name);
  await requestAction(db, actor, api.params.id, "rebuild", { imageId });
  // Nova's answer already names the new image; Berth records it when the rebuild job finishes.
  const record = { ...(await serverOf(db, actor, api.params.id)), imageId };
  return json({ server: toServer(record, { version, origin: api.origin, isAdmin: isAdmin(caller) }) }, 202);
}

/** createImage: a snapshot into the project's images; 2.45 and later answer with the image id. */
async function createImage(api: ApiRequest, { db, caller, version }: ComputeContext, body: unknown) {
  const actor = actorOf(caller, api.requestId);
  const instance = await findInstance(db, actor, api.params.id);
  const image = await requestSnapshot(db, { ...actor, projectId: instance.projectId }, instance.id, String(field(body, "name") ?? ""));
  const location = `${api.origin}/image/v2/images/${image.id}`;
  return atLeast(version, 45) ? json({ image_id: image.id }, 202) : noContent(202, { Location: location });
}

/** os-getConsoleOutput: the container's log, its last `length` lines (all, up to a cap, without one). */
async function consoleOutput(api: ApiRequest, { db, caller }: ComputeContext, body: unknown) {
  const raw = field(body, "length");
  const length = raw === undefined || raw === null || Number(raw) < 0 ? MAX_PAGE_LINES : Number(raw);
  if (!Number.isInteger(length)) throw new BerthError("INVALID_INPUT", "length must be an integer.", { length: "must be an integer" });
  const instance = await findInstance(db, actorOf(caller, api.requestId), api.params.id);
  if (length === 0) return json({ output: "" });
  const { lines } = await readLogTail(db, instance, Math.min(length, MAX_PAGE_LINES));
  return json({ output: lines.map((line) => `${line.text}\n`).join("") });
}

async function resetStateAction(api: ApiRequest, { db, caller }: ComputeContext, body: unknown) {
  await resetState(db, actorOf(caller, api.requestId), api.params.id, { state: field(body, "state") });
  return accepted();
}

/** Nova's action names, the permission each needs (Berth's table) and what does it. */
const ACTIONS: Record<string, { permission: Permission; run: ActionHandler }> = {
  "os-start": { permission: ACTION_PERMISSION.start, run: job("start") },
  "os-stop": { permission: ACTION_PERMISSION.stop, run: job("stop") },
  reboot: { permission: ACTION_PERMISSION.reboot, run: reboot },
  pause: { permission: ACTION_PERMISSION.pause, run: job("pause") },
  unpause: { permission: ACTION_PERMISSION.unpause, run: job("unpause") },
  lock: { permission: ACTION_PERMISSION.lock, run: lock },
  unlock: { permission: ACTION_PERMISSION.unlock, run: unlock },
  rebuild: { permission: ACTION_PERMISSION.rebuild, run: rebuild },
  resize: { permission: ACTION_PERMISSION.resize, run: job("resize", (body) => ({ flavorId: refParam(body, "flavorRef") })) },
  // Nova answers confirmResize with 204, revertResize with 202.
  confirmResize: { permission: ACTION_PERMISSION["confirm-resize"], run: job("confirm-resize", undefined, noContent) },
  revertResize: { permission: ACTION_PERMISSION["revert-resize"], run: job("revert-resize") },
  createImage: { permission: ACTION_PERMISSION.snapshot, run: createImage },
  "os-getConsoleOutput": { permission: "instance:logs", run: consoleOutput },
  migrate: { permission: ACTION_PERMISSION.migrate, run: job("migrate") },
  evacuate: { permission: ACTION_PERMISSION.evacuate, run: job("evacuate") },
  "os-resetState": { permission: ACTION_PERMISSION["reset-state"], run: resetStateAction },
  forceDelete: { permission: ACTION_PERMISSION.delete, run: job("delete") },
};

/** POST /servers/{id}/action: one action per body, named by its key. */
export async function serverAction(api: ApiRequest, context: ComputeContext) {
  const body = await readJson(api);
  const names = Object.keys(body);
  if (names.length !== 1) throw new BerthError("INVALID_INPUT", "An action body names exactly one action.");
  const action = ACTIONS[names[0]];
  if (!action) throw new BerthError("INVALID_INPUT", `There is no such action: ${names[0]}`);
  requirePermission(context.caller, action.permission);
  return action.run(api, context, body[names[0]]);
}
