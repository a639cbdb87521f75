import { z } from "zod";

const ratio = z.number("must be a number").gt(0, "must be above 0").max(100, "at most 100");
const amount = z.number("must be a number").int("must be a whole number").min(0, "must not be negative");
const availabilityZone = z.string().trim().min(1, "is required").max(64, "at most 64 characters");
const pem = z.string().max(65_536, "at most 64 KiB").optional();
export const PORT_RANGE_ORDER = "must not be below the range's first port";
const hostPort = z.number("must be a number").int("must be a whole number").min(1024, "must be 1024–65535").max(65535, "must be 1024–65535");
/** Goes into published ports' URLs as is, so a host name or an IPv4 address; blank or null: the endpoint's host. */
const publicAddress = z
  .string()
  .trim()
  .max(253, "at most 253 characters")
  .regex(/^$|^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/, "must be a host name or an IPv4 address, e.g. 203.0.113.10")
  .transform((address) => address || null)
  .nullable();

/** Where a Docker engine answers, and the TLS material for tcp:// (all three PEM blocks, or none). */
export const hostEndpointSchema = z.object({
  endpoint: z.string().trim().regex(/^(unix|tcp|ssh):\/\/.+/, "must start with unix://, tcp:// or ssh://"),
  tlsCa: pem,
  tlsCert: pem,
  tlsKey: pem,
});

/** A new host; shared by the add-host form and the server. */
export const registerHostSchema = hostEndpointSchema.extend({
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "use 1–63 lowercase letters, digits and dashes, starting with a letter or digit"),
  availabilityZone: availabilityZone.default("nova"),
  diskGiB: z.number("must be a number").int("must be a whole number").positive("must be at least 1").default(100),
});
export type RegisterHostInput = z.input<typeof registerHostSchema>;

/** What an admin may change on a host (its engine endpoint is fixed: remove and add again to move it). */
export const updateHostSchema = z
  .object({
    availabilityZone: availabilityZone.optional(),
    cpuAllocationRatio: ratio.optional(),
    ramAllocationRatio: ratio.optional(),
    diskAllocationRatio: ratio.optional(),
    reservedCpus: amount.optional(),
    reservedMemoryMiB: amount.optional(),
    reservedDiskGiB: amount.optional(),
    diskGiB: amount.min(1, "must be at least 1").optional(),
    publicAddress: publicAddress.optional(),
    portRangeMin: hostPort.optional(),
    portRangeMax: hostPort.optional(),
  })
  .refine((h) => h.portRangeMin === undefined || h.portRangeMax === undefined || h.portRangeMin <= h.portRangeMax, {
    path: ["portRangeMax"],
    message: PORT_RANGE_ORDER,
  });
export type UpdateHostInput = z.input<typeof updateHostSchema>;
