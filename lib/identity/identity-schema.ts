import { z } from "zod";

export const projectNameSchema = z
  .string()
  .trim()
  .min(1, "is required")
  .max(64, "at most 64 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "use letters, digits, dots, dashes and underscores");

export const createProjectSchema = z.object({
  name: projectNameSchema,
  description: z.string().trim().max(500, "at most 500 characters").default(""),
});

export const passwordSchema = z.string().min(8, "at least 8 characters").max(256, "at most 256 characters");

export const createUserSchema = z.object({
  username: z
    .string()
    .trim()
    .min(2, "at least 2 characters")
    .max(64, "at most 64 characters")
    .regex(/^[a-z0-9][a-z0-9._-]*$/, "use lowercase letters, digits, dots, dashes and underscores"),
  displayName: z.string().trim().max(128, "at most 128 characters").optional(),
  password: passwordSchema,
  isAdmin: z.boolean().default(false),
});

export const membershipSchema = z.object({
  userId: z.uuid("choose a user"),
  projectId: z.uuid("choose a project"),
  role: z.enum(["member", "reader"], "must be member or reader").nullable(),
});

export type CreateProjectInput = z.input<typeof createProjectSchema>;
export type CreateUserInput = z.input<typeof createUserSchema>;
export type MembershipInput = z.input<typeof membershipSchema>;
