import { z } from "zod";

/** Image metadata an owner (or an admin) may change. */
export const updateImageSchema = z.object({
  name: z.string().trim().min(1, "is required").max(128, "at most 128 characters").optional(),
  visibility: z.enum(["public", "private", "shared"], "must be public, private or shared").optional(),
  protected: z.boolean().optional(),
  minRamMiB: z.number("must be a number").int("must be a whole number").min(0, "must not be negative").max(1_048_576).optional(),
  minDiskGiB: z.number("must be a number").int("must be a whole number").min(0, "must not be negative").max(65_536).optional(),
});
export type UpdateImageInput = z.input<typeof updateImageSchema>;
