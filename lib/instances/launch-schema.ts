import { z } from "zod";

/** The launch request, shared by the wizard's form and the server. */
export const instanceNameSchema = z
  .string()
  .trim()
  .min(1, "is required")
  .max(63, "at most 63 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "use letters, digits, dots, dashes and underscores, starting with a letter or digit");

const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$/;

/** A string map whose bad keys are reported by name (zod's own record check says only "Invalid key"). */
function keyedRecord(key: RegExp, keyMessage: string, maxValue: number) {
  return z
    .record(z.string(), z.string().max(maxValue, `at most ${maxValue} characters`))
    .superRefine((map, ctx) => {
      const keys = Object.keys(map);
      if (keys.length > 256) ctx.addIssue({ code: "custom", message: "at most 256 entries" });
      for (const k of keys) if (!key.test(k)) ctx.addIssue({ code: "custom", path: [k], message: `${k}: ${keyMessage}` });
    });
}

export const launchSchema = z
  .object({
    name: instanceNameSchema,
    imageId: z.uuid("choose an image"),
    flavorId: z.uuid("choose a flavor"),
    kind: z.enum(["machine", "application"], "must be machine or application"),
    minCount: z.number().int().min(1, "at least 1").max(50, "at most 50").default(1),
    maxCount: z.number().int().min(1, "at least 1").max(50, "at most 50").optional(),
    availabilityZone: z.string().trim().min(1).max(64).optional(),
    /** The project's networks to attach, in order (the first is the primary); left out: the default network. */
    networkIds: z.array(z.uuid("choose networks of this project")).min(1, "choose at least one network").max(8, "at most 8 networks").optional(),
    serverGroupId: z.uuid("choose a server group of this project").optional(),
    command: z.array(z.string().max(4096)).max(256).optional(),
    entrypoint: z.array(z.string().max(4096)).max(256).optional(),
    env: keyedRecord(ENV_KEY, "environment names use letters, digits and _, not starting with a digit", 32768).default({}),
    workingDir: z.string().regex(/^\/[^\0]*$/, "must be an absolute path").max(4096).optional(),
    labels: keyedRecord(LABEL_KEY, "label keys use letters, digits, . _ / -", 4096)
      .default({})
      .refine((l) => Object.keys(l).every((k) => !k.startsWith("berth.")), "labels starting with berth. are Berth's own"),
  })
  .refine((r) => r.maxCount === undefined || r.maxCount >= r.minCount, {
    path: ["maxCount"],
    message: "must be at least the minimum count",
  });

export type LaunchInput = z.input<typeof launchSchema>;
export type LaunchRequest = z.output<typeof launchSchema>;
