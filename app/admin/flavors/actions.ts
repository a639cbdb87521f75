"use server";

import { z } from "zod";
import { adminAction } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { createFlavorSchema } from "@/lib/flavors/flavor-schema";
import { createFlavor, deleteFlavor } from "@/lib/flavors/manage-flavors";
import { auditActor } from "../audit-actor";
import { refreshed } from "../refreshed";

export const createFlavorAction = adminAction({
  permission: "flavor:manage",
  schema: createFlavorSchema,
  run: (ctx, input) => refreshed(createFlavor(db(), auditActor(ctx), input), ({ id, name }) => ({ id, name })),
});

/** Instances keep their own copy of a flavor, so deleting one breaks nothing that runs. */
export const deleteFlavorAction = adminAction({
  permission: "flavor:manage",
  schema: z.object({ flavorId: z.uuid("not a flavor id") }),
  run: (ctx, { flavorId }) => refreshed(deleteFlavor(db(), auditActor(ctx), flavorId)),
});
