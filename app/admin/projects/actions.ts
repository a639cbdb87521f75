"use server";

import { z } from "zod";
import { adminAction } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { createProjectSchema, membershipSchema, projectNameSchema } from "@/lib/identity/identity-schema";
import { createProject, renameProject, setMembership, setProjectEnabled } from "@/lib/identity/manage-identity";
import { auditActor } from "../audit-actor";
import { refreshed } from "../refreshed";

const projectId = z.uuid("not a project id");

export const createProjectAction = adminAction({
  permission: "project:manage",
  schema: createProjectSchema,
  run: (ctx, input) => refreshed(createProject(db(), auditActor(ctx), input), ({ id, name }) => ({ id, name })),
});

export const renameProjectAction = adminAction({
  permission: "project:manage",
  schema: z.object({ projectId, name: projectNameSchema }),
  run: (ctx, { projectId, name }) => refreshed(renameProject(db(), auditActor(ctx), projectId, name)),
});

/** A disabled project keeps its instances but cannot launch new ones. */
export const setProjectEnabledAction = adminAction({
  permission: "project:manage",
  schema: z.object({ projectId, enabled: z.boolean() }),
  run: (ctx, { projectId, enabled }) => refreshed(setProjectEnabled(db(), auditActor(ctx), projectId, enabled)),
});

/** Adds a member, changes their role, or (role null) removes them. */
export const setMembershipAction = adminAction({
  permission: "project:manage",
  schema: membershipSchema,
  run: (ctx, input) => refreshed(setMembership(db(), auditActor(ctx), input)),
});
