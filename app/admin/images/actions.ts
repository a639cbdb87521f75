"use server";

import { z } from "zod";
import { adminAction } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { updateImageSchema } from "@/lib/images/image-schema";
import { deleteImage, updateImage } from "@/lib/images/manage-images";
import { auditActor } from "../audit-actor";
import { refreshed } from "../refreshed";

const imageId = z.uuid("not an image id");

export const updateImageAction = adminAction({
  permission: "image:manage-all",
  schema: updateImageSchema.extend({ imageId }),
  run: (ctx, { imageId, ...changes }) => refreshed(updateImage(db(), auditActor(ctx), imageId, null, changes)),
});

/** Refused while the image is protected or in use; the refusal says which. */
export const deleteImageAction = adminAction({
  permission: "image:manage-all",
  schema: z.object({ imageId }),
  run: (ctx, { imageId }) => refreshed(deleteImage(db(), auditActor(ctx), imageId, null)),
});
