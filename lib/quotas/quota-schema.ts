import { z } from "zod";

const limit = z.number("must be a number").int("must be a whole number").min(-1, "use -1 for unlimited, or 0 and up");

/** Limits to set; a missing resource keeps its limit. -1 means unlimited, as in Nova. */
export const quotaLimitsSchema = z.object({
  instances: limit.optional(),
  cores: limit.optional(),
  ram: limit.optional(),
  disk: limit.optional(),
  networks: limit.optional(),
  ports: limit.optional(),
});
export type QuotaLimitsInput = z.input<typeof quotaLimitsSchema>;
