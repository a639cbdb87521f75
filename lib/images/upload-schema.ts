import { z } from "zod";
import { imageCommandSchema, imageKindSchema, imageNameSchema } from "./image-schema";

/** What comes with an uploaded archive (the bytes come as the request body). Shared by form and server. */
export const newImageSchema = z.object({
  name: imageNameSchema,
  visibility: z.enum(["private", "shared"], "must be private or shared (admins make images public)").default("private"),
  minRamMiB: z.coerce.number("must be a number").int("must be a whole number").min(0, "must not be negative").default(0),
  minDiskGiB: z.coerce.number("must be a number").int("must be a whole number").min(0, "must not be negative").default(0),
  kind: imageKindSchema.default("application"),
  command: imageCommandSchema.optional(),
});
export type NewImageInput = z.input<typeof newImageSchema>;

/**
 * The upload route takes the metadata in its query string, since the body is the archive: one
 * `command` parameter per argument, the other fields once each.
 */
export function newImageQuery(input: NewImageInput): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(key, String(item));
  }
  return query;
}

/** The route's side of `newImageQuery`, for `newImageSchema` to check. */
export function newImageFromQuery(query: URLSearchParams): Record<string, unknown> {
  const fields: Record<string, unknown> = Object.fromEntries(query);
  if (query.has("command")) fields.command = query.getAll("command");
  return fields;
}
