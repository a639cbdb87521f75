import { z } from "zod";

export const imageNameSchema = z.string().trim().min(1, "is required").max(128, "at most 128 characters");
export const imageKindSchema = z.enum(["machine", "application"], "must be machine or application");
/** Replaces the archive's CMD when a launch gives no command of its own (its ENTRYPOINT stays). */
export const imageCommandSchema = z.array(z.string().min(1, "has an empty argument").max(4096)).min(1, "is empty").max(256, "at most 256 arguments");

/** Image metadata an owner (or an admin) may change. `command: null` goes back to the archive's own. */
export const updateImageSchema = z.object({
  name: imageNameSchema.optional(),
  visibility: z.enum(["public", "private", "shared"], "must be public, private or shared").optional(),
  protected: z.boolean().optional(),
  minRamMiB: z.number("must be a number").int("must be a whole number").min(0, "must not be negative").max(1_048_576).optional(),
  minDiskGiB: z.number("must be a number").int("must be a whole number").min(0, "must not be negative").max(65_536).optional(),
  kind: imageKindSchema.optional(),
  command: imageCommandSchema.nullable().optional(),
});
export type UpdateImageInput = z.input<typeof updateImageSchema>;

/** A snapshot of an instance: the new image's name. */
export const snapshotSchema = z.object({ name: imageNameSchema });
export type SnapshotInput = z.input<typeof snapshotSchema>;
