"use server";

import { z } from "zod";
import { refreshed } from "@/app/admin/refreshed";
import { projectAction } from "@/lib/actions";
import type { ProjectContext } from "@/lib/actions/action-client";
import type { AuditActor } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { updateImageSchema } from "@/lib/images/image-schema";
import { deleteImage, updateImage } from "@/lib/images/manage-images";

const imageId = z.uuid("not an image id");
const actorOf = ({ user }: ProjectContext): AuditActor => ({ id: user.id, username: user.username });

/** The project's own images only: another project's image is "not found" (lib checks the owner). */
export const updateOwnImage = projectAction({
  permission: "image:update",
  schema: updateImageSchema.extend({ imageId }),
  run: (ctx, { imageId, ...changes }) => refreshed(updateImage(db(), actorOf(ctx), imageId, ctx.projectId, changes)),
});

/** Refused while the image is protected or in use; the refusal says which. */
export const deleteOwnImage = projectAction({
  permission: "image:delete",
  schema: z.object({ imageId }),
  run: (ctx, { imageId }) => refreshed(deleteImage(db(), actorOf(ctx), imageId, ctx.projectId)),
});
