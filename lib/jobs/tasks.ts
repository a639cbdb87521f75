import "server-only";
import type { TaskList } from "graphile-worker";
import { db } from "@/lib/db/client";
import { importImage } from "@/lib/images/import-from-host";
import { snapshotInstance } from "@/lib/images/snapshot-instance";
import { autoConfirmResize, type AutoConfirmJob } from "@/lib/instances/auto-confirm-resize";
import { performAction, type ActionJob } from "@/lib/instances/perform-action";
import { spawnInstance } from "@/lib/instances/spawn-instance";

/** Every durable job Berth runs, by name. */
export const TASKS: TaskList = {
  "spawn-instance": async (payload) => spawnInstance(db(), (payload as { instanceId: string }).instanceId),
  "instance-action": async (payload) => performAction(db(), payload as ActionJob),
  "auto-confirm-resize": async (payload) => autoConfirmResize(db(), payload as AutoConfirmJob),
  "snapshot-instance": async (payload) => snapshotInstance(db(), payload as Parameters<typeof snapshotInstance>[1]),
  "import-image": async (payload) => importImage(db(), payload as Parameters<typeof importImage>[1]),
};
