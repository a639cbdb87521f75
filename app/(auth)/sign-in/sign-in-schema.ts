import { z } from "zod";

/** Shared by the form (instant feedback) and the server action (the check that counts). */
export const signInSchema = z.object({
  username: z.string().trim().min(1, "Enter your username.").max(100, "That is too long for a username."),
  password: z.string().min(1, "Enter your password.").max(1000, "That is too long for a password."),
  next: z.string().optional(),
});

export type SignInInput = z.output<typeof signInSchema>;
export type SignInFields = Partial<Record<"username" | "password", string>>;

export function validateSignIn(input: unknown): { ok: true; data: SignInInput } | { ok: false; fields: SignInFields } {
  const result = signInSchema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const fields: SignInFields = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (field === "username" || field === "password") fields[field] ??= issue.message;
  }
  return { ok: false, fields };
}
