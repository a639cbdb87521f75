import { z } from "zod";

/** Extra specs Berth understands, with the range each allows. */
export const EXTRA_SPECS = {
  pids_limit: { min: 16, max: 65536, description: "processes the container may run" },
  cpu_shares: { min: 2, max: 262144, description: "relative CPU weight under contention" },
} as const;

const extraSpecs = z.record(z.string(), z.number("must be a number")).superRefine((specs, ctx) => {
  for (const [key, value] of Object.entries(specs)) {
    const spec = EXTRA_SPECS[key as keyof typeof EXTRA_SPECS];
    if (!spec) {
      ctx.addIssue({ code: "custom", path: [key], message: `${key} is not a known extra spec; known: ${Object.keys(EXTRA_SPECS).join(", ")}` });
    } else if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
      ctx.addIssue({ code: "custom", path: [key], message: `${key} must be a whole number from ${spec.min} to ${spec.max}` });
    }
  }
});

/** A new flavor (flavors are created and deleted, never edited: instances keep a copy). Shared by form and server. */
export const createFlavorSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "is required")
      .max(64, "at most 64 characters")
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "use letters, digits, dots, dashes and underscores"),
    vcpus: z.number("must be a number").int("must be a whole number").min(1, "must be at least 1").max(256, "at most 256"),
    ramMiB: z.number("must be a number").int("must be a whole number").min(16, "must be at least 16 MiB").max(1_048_576, "at most 1 TiB"),
    diskGiB: z.number("must be a number").int("must be a whole number").min(0, "must not be negative").max(65_536, "at most 64 TiB"),
    swapMiB: z.number("must be a number").int("must be a whole number").min(0, "must not be negative").max(1_048_576).default(0),
    isPublic: z.boolean().default(true),
    projectIds: z.array(z.uuid("not a project id")).default([]),
    extraSpecs: extraSpecs.default({}),
  })
  .refine((f) => f.isPublic || f.projectIds.length > 0, {
    path: ["projectIds"],
    message: "a private flavor needs at least one project",
  });

export type CreateFlavorInput = z.input<typeof createFlavorSchema>;
