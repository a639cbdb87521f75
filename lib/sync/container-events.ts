import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { LABELS } from "@/lib/docker/labels";
import { runningTask } from "@/lib/instances/status";

export type ContainerEvent = {
  Type?: string;
  Action?: string;
  status?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  id?: string;
};

type StateChange = { vmState?: "active" | "stopped" | "paused" | "error"; powerState?: "running" | "paused" | "shutdown" | "nostate" };

const CHANGES: Record<string, StateChange> = {
  start: { vmState: "active", powerState: "running" },
  unpause: { vmState: "active", powerState: "running" },
  pause: { vmState: "paused", powerState: "paused" },
  die: { vmState: "stopped", powerState: "shutdown" },
};

/**
 * Keeps an instance true to its container when something happens outside Berth (`docker stop`,
 * a crash, OOM, removal). While a Berth task runs on the instance its job owns the state, so
 * events are left to it. Out-of-band changes are written to the action log, so users see why.
 * Returns the instance id it changed, if any.
 */
export async function applyContainerEvent(db: Db, hostId: string, event: ContainerEvent): Promise<string | null> {
  const action = event.Action ?? event.status ?? "";
  const containerId = event.Actor?.ID ?? event.id;
  const instanceId = event.Actor?.Attributes?.[LABELS.instance];
  if (event.Type !== "container" || !containerId || !instanceId) return null;
  if (action !== "oom" && action !== "destroy" && !CHANGES[action]) return null;

  const instance = await db.instance.findFirst({ where: { id: instanceId, hostId, containerId, deletedAt: null } });
  if (!instance || runningTask(instance.taskState)) return null;

  if (action === "oom") {
    await logExternal(db, instance.id, "oom", `Out of memory: the container hit its ${instance.ramMiB} MiB limit and was killed.`);
    return instance.id;
  }
  if (action === "destroy") {
    const message = "The container was removed outside Berth.";
    await db.instance.update({
      where: { id: instance.id },
      data: { vmState: "error", powerState: "nostate", faultCode: 500, faultMessage: message, faultAt: new Date() },
    });
    await logExternal(db, instance.id, "external-remove", message);
    return instance.id;
  }
  const change = CHANGES[action];
  if (instance.vmState === change.vmState && instance.powerState === change.powerState) return null;
  await db.instance.update({ where: { id: instance.id }, data: change });
  const exitCode = event.Actor?.Attributes?.exitCode;
  const error = action === "die" && exitCode && exitCode !== "0" ? `The container exited with code ${exitCode}.` : undefined;
  await logExternal(db, instance.id, `external-${action === "die" ? "stop" : action}`, error);
  return instance.id;
}

async function logExternal(db: Db, instanceId: string, action: string, error?: string) {
  const now = new Date();
  await db.instanceAction.create({
    data: {
      instanceId,
      requestId: `event-${randomUUID()}`,
      action,
      startedAt: now,
      finishedAt: now,
      result: error ? "error" : "success",
      error: error ?? null,
    },
  });
}
