import { z } from "zod";
import { passwordSchema } from "@/lib/identity/identity-schema";

/** Shared by the reset-password dialog and its server action. */
export const resetPasswordSchema = z.object({ userId: z.uuid("not a user id"), password: passwordSchema });
