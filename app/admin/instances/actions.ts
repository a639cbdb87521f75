"use server";

import { z } from "zod";
import { adminAction } from "@/lib/actions";
import type { UserContext } from "@/lib/actions/action-client";
import { db } from "@/lib/db/client";
import { auditedAdminAction } from "@/lib/instances/audited-admin-action";
import { lockInstance, requestAction, resetState, resetStateSchema, type Actor } from "@/lib/instances/request-action";
import { refreshed } from "../refreshed";

const instanceId = z.uuid("not an instance id");
const one = z.object({ instanceId });

const actorOf = ({ user }: UserContext): Actor => ({ userId: user.id, isAdmin: true });

const audited = <T>(ctx: UserContext, instanceId: string, action: string, run: () => Promise<T>) =>
  refreshed(auditedAdminAction(db(), { id: ctx.user.id, username: ctx.user.username }, instanceId, action, run));

export const resetStateAction = adminAction({
  permission: "instance:reset-state",
  schema: resetStateSchema.extend({ instanceId }),
  run: (ctx, { instanceId, state }) => audited(ctx, instanceId, "reset-state", () => resetState(db(), actorOf(ctx), instanceId, { state })),
});

export const migrateAction = adminAction({
  permission: "instance:migrate",
  schema: one,
  run: (ctx, { instanceId }) => audited(ctx, instanceId, "migrate", () => requestAction(db(), actorOf(ctx), instanceId, "migrate")),
});

export const evacuateAction = adminAction({
  permission: "instance:evacuate",
  schema: one,
  run: (ctx, { instanceId }) => audited(ctx, instanceId, "evacuate", () => requestAction(db(), actorOf(ctx), instanceId, "evacuate")),
});

export const deleteAction = adminAction({
  permission: "instance:delete",
  schema: one,
  run: (ctx, { instanceId }) => audited(ctx, instanceId, "delete", () => requestAction(db(), actorOf(ctx), instanceId, "delete")),
});

export const lockAction = adminAction({
  permission: "instance:lock",
  schema: one.extend({ locked: z.boolean(), reason: z.string().trim().max(255, "at most 255 characters").optional() }),
  run: (ctx, { instanceId, locked, reason }) => audited(ctx, instanceId, locked ? "lock" : "unlock", () => lockInstance(db(), actorOf(ctx), instanceId, locked, reason || undefined)),
});
