import { z } from "zod";

const ratio = z.number("must be a number").gt(0, "must be above 0").max(100, "at most 100");
const amount = z.number("must be a number").int("must be a whole number").min(0, "must not be negative");

/** What an admin may change on a host (its engine endpoint is fixed: remove and add again to move it). */
export const updateHostSchema = z.object({
  availabilityZone: z.string().trim().min(1, "is required").max(64, "at most 64 characters").optional(),
  cpuAllocationRatio: ratio.optional(),
  ramAllocationRatio: ratio.optional(),
  diskAllocationRatio: ratio.optional(),
  reservedCpus: amount.optional(),
  reservedMemoryMiB: amount.optional(),
  reservedDiskGiB: amount.optional(),
  diskGiB: amount.min(1, "must be at least 1").optional(),
});
export type UpdateHostInput = z.input<typeof updateHostSchema>;
