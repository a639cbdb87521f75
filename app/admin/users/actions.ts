"use server";

import { z } from "zod";
import { adminAction } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { createUserSchema } from "@/lib/identity/identity-schema";
import { createUser, resetPassword, setUserEnabled } from "@/lib/identity/manage-identity";
import { auditActor } from "../audit-actor";
import { refreshed } from "../refreshed";
import { resetPasswordSchema } from "./reset-password-schema";

const userId = z.uuid("not a user id");

export const createUserAction = adminAction({
  permission: "user:manage",
  schema: createUserSchema,
  run: (ctx, input) => refreshed(createUser(db(), auditActor(ctx), input), ({ id, username }) => ({ id, username })),
});

/** Disabling ends the user's sessions at once. */
export const setUserEnabledAction = adminAction({
  permission: "user:manage",
  schema: z.object({ userId, enabled: z.boolean() }),
  run: (ctx, { userId, enabled }) => refreshed(setUserEnabled(db(), auditActor(ctx), userId, enabled)),
});

/** A new password ends the user's sessions, so whoever knew the old one is out. */
export const resetPasswordAction = adminAction({
  permission: "user:manage",
  schema: resetPasswordSchema,
  run: (ctx, { userId, password }) => resetPassword(db(), auditActor(ctx), userId, password),
});
