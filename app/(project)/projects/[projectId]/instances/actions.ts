"use server";

import { z } from "zod";
import { projectAction } from "@/lib/actions";
import type { ProjectContext } from "@/lib/actions/action-client";
import { db } from "@/lib/db/client";
import type { Permission } from "@/lib/identity/permissions";
import { snapshotSchema } from "@/lib/images/image-schema";
import { requestSnapshot } from "@/lib/images/snapshot-instance";
import { actOnInstances, instanceIdsSchema } from "@/lib/instances/act-on-instances";
import { launchInstances } from "@/lib/instances/launch-instances";
import { launchSchema } from "@/lib/instances/launch-schema";
import { instanceRowsByIds } from "@/lib/instances/list-instances";
import { lockInstance, requestAction, type Actor } from "@/lib/instances/request-action";

const actorOf = ({ user, projectId }: ProjectContext): Actor => ({ userId: user.id, isAdmin: user.isAdmin, projectId });

function onEach(permission: Permission, act: (actor: Actor, instanceId: string) => Promise<unknown>) {
  return projectAction({
    permission,
    schema: instanceIdsSchema,
    run: (ctx, { instanceIds }) => actOnInstances(instanceIds, (id) => act(actorOf(ctx), id)),
  });
}

export const startInstances = onEach("instance:start", (actor, id) => requestAction(db(), actor, id, "start"));
export const stopInstances = onEach("instance:stop", (actor, id) => requestAction(db(), actor, id, "stop"));
export const rebootInstances = onEach("instance:reboot", (actor, id) => requestAction(db(), actor, id, "reboot"));
export const hardRebootInstances = onEach("instance:reboot", (actor, id) => requestAction(db(), actor, id, "hard-reboot"));
export const pauseInstances = onEach("instance:pause", (actor, id) => requestAction(db(), actor, id, "pause"));
export const unpauseInstances = onEach("instance:pause", (actor, id) => requestAction(db(), actor, id, "unpause"));
export const confirmResizeInstances = onEach("instance:resize", (actor, id) => requestAction(db(), actor, id, "confirm-resize"));
export const revertResizeInstances = onEach("instance:resize", (actor, id) => requestAction(db(), actor, id, "revert-resize"));
export const deleteInstances = onEach("instance:delete", (actor, id) => requestAction(db(), actor, id, "delete"));
export const lockInstances = onEach("instance:lock", (actor, id) => lockInstance(db(), actor, id, true));
export const unlockInstances = onEach("instance:lock", (actor, id) => lockInstance(db(), actor, id, false));

/** Accepts a snapshot: the image is listed at once as saving and turns active when the job has stored it. */
export const snapshotInstance = projectAction({
  permission: "instance:snapshot",
  schema: snapshotSchema.extend({ instanceId: z.uuid("not an instance id") }),
  run: async (ctx, { instanceId, name }) => {
    const image = await requestSnapshot(db(), { ...actorOf(ctx), projectId: ctx.projectId }, instanceId, name);
    return { imageId: image.id, name: image.name };
  },
});

/** Accepts a launch and answers at once with the new rows (in BUILD); the stream reports the rest. */
export const launch = projectAction({
  permission: "instance:launch",
  schema: launchSchema,
  run: async ({ user, projectId, role }, input) => {
    const { requestId, instances } = await launchInstances(db(), { userId: user.id, projectId }, input);
    const { rows } = await instanceRowsByIds(db(), { role }, projectId, instances.map((instance) => instance.id));
    return { requestId, rows };
  },
});
