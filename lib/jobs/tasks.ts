import "server-only";
import type { TaskList } from "graphile-worker";
import { db } from "@/lib/db/client";
import { performAction, type ActionJob } from "@/lib/instances/perform-action";
import { spawnInstance } from "@/lib/instances/spawn-instance";

/** Every durable job Berth runs, by name. */
export const TASKS: TaskList = {
  "spawn-instance": async (payload) => spawnInstance(db(), (payload as { instanceId: string }).instanceId),
  "instance-action": async (payload) => performAction(db(), payload as ActionJob),
};
