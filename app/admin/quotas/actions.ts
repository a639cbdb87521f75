"use server";

import { z } from "zod";
import { adminAction } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { quotaLimitsSchema } from "@/lib/quotas/quota-schema";
import { updateDefaultQuotas, updateProjectQuotas } from "@/lib/quotas/update-quotas";
import { auditActor } from "../audit-actor";
import { refreshed } from "../refreshed";

export const updateDefaultQuotasAction = adminAction({
  permission: "quota:update",
  schema: quotaLimitsSchema,
  run: (ctx, limits) => refreshed(updateDefaultQuotas(db(), auditActor(ctx), limits)),
});

/** A limit below what the project uses is refused, naming the usage on the field. */
export const updateProjectQuotasAction = adminAction({
  permission: "quota:update",
  schema: quotaLimitsSchema.extend({ projectId: z.uuid("not a project id") }),
  run: (ctx, { projectId, ...limits }) => refreshed(updateProjectQuotas(db(), auditActor(ctx), projectId, limits)),
});
