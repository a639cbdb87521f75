import { z } from "zod";

/** What comes with an uploaded archive (the bytes come as the request body). Shared by form and server. */
export const newImageSchema = z.object({
  name: z.string().trim().min(1, "is required").max(128, "at most 128 characters"),
  visibility: z.enum(["private", "shared"], "must be private or shared (admins make images public)").default("private"),
  minRamMiB: z.coerce.number("must be a number").int("must be a whole number").min(0, "must not be negative").default(0),
  minDiskGiB: z.coerce.number("must be a number").int("must be a whole number").min(0, "must not be negative").default(0),
  kind: z.enum(["machine", "application"], "must be machine or application").default("application"),
});
export type NewImageInput = z.input<typeof newImageSchema>;
