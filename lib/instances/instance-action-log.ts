import "server-only";
import type { Db } from "@/lib/db/client";
import { stepDetails } from "./pending-resize";

export const ACTION_LOG_LIMIT = 100;

export type ActionLogEntry = {
  id: string;
  requestId: string;
  action: string;
  user: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  result: string | null;
  error: string | null;
  events: { id: string; event: string; startedAt: Date; finishedAt: Date | null; result: string | null; details: string | null }[];
};

/** An instance's action log, newest first (the latest `ACTION_LOG_LIMIT`), each with the steps it took. */
export async function instanceActionLog(db: Db, instanceId: string): Promise<ActionLogEntry[]> {
  const actions = await db.instanceAction.findMany({
    where: { instanceId },
    orderBy: { startedAt: "desc" },
    take: ACTION_LOG_LIMIT,
    include: { events: { orderBy: { startedAt: "asc" } } },
  });
  const userIds = [...new Set(actions.map((a) => a.userId).filter((id): id is string => !!id))];
  const users = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, username: true } })).map((u) => [u.id, u.username]));
  return actions.map((a) => ({
    id: a.id,
    requestId: a.requestId,
    action: a.action,
    user: a.userId ? (users.get(a.userId) ?? "deleted user") : null,
    startedAt: a.startedAt,
    finishedAt: a.finishedAt,
    result: a.result,
    error: a.error,
    events: a.events.map((e) => ({ id: e.id, event: e.event, startedAt: e.startedAt, finishedAt: e.finishedAt, result: e.result, details: stepDetails(e) })),
  }));
}
