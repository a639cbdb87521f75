import { z } from "zod";
import { instanceNameSchema } from "@/lib/instances/launch-schema";
import { subnetProblem } from "./subnets";

/** Networks and server groups are named as instances are: names Docker's DNS and the CLI take as they are. */
const resourceName = instanceNameSchema;

export const createNetworkSchema = z.object({
  name: resourceName,
  description: z.string().trim().max(255, "at most 255 characters").default(""),
  /** empty: automatic (each host gets a free /24) */
  cidr: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .superRefine((v, ctx) => {
      const problem = v ? subnetProblem(v) : null;
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
});
export type CreateNetworkInput = z.input<typeof createNetworkSchema>;

export const SERVER_GROUP_POLICIES = ["affinity", "anti_affinity"] as const;
export const POLICY_LABEL: Record<(typeof SERVER_GROUP_POLICIES)[number], string> = {
  affinity: "affinity (one host)",
  anti_affinity: "anti-affinity (different hosts)",
};

export const createServerGroupSchema = z.object({
  name: resourceName,
  policy: z.enum(SERVER_GROUP_POLICIES, "must be affinity or anti_affinity"),
});
export type CreateServerGroupInput = z.input<typeof createServerGroupSchema>;

export const publishPortSchema = z.object({
  containerPort: z.number("must be a number").int("must be a whole number").min(1, "must be 1–65535").max(65535, "must be 1–65535"),
  /** empty: the lowest free port of the host's range */
  hostPort: z.number("must be a number").int("must be a whole number").min(1, "must be 1–65535").max(65535, "must be 1–65535").optional(),
});
export type PublishPortInput = z.input<typeof publishPortSchema>;
