import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { connectHost } from "@/lib/docker/client";
import { BerthError } from "@/lib/errors";

export const registerHostSchema = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "use 1–63 lowercase letters, digits and dashes, starting with a letter or digit"),
  endpoint: z.string().trim().regex(/^(unix|tcp|ssh):\/\/.+/, "must start with unix://, tcp:// or ssh://"),
  availabilityZone: z.string().trim().min(1).max(64).default("nova"),
  tlsCa: z.string().optional(),
  tlsCert: z.string().optional(),
  tlsKey: z.string().optional(),
  diskGiB: z.number().int().positive().default(100),
});
export type RegisterHostInput = z.input<typeof registerHostSchema>;

/** Probes the engine first: a host that cannot be reached is never saved. */
export async function registerHost(db: Db, input: RegisterHostInput) {
  const data = registerHostSchema.parse(input);
  if (await db.host.findUnique({ where: { name: data.name } })) {
    throw new BerthError("CONFLICT", `A host named ${data.name} already exists.`, { name: "already in use" });
  }
  const info = await connectHost(data).probe();
  return db.host.create({
    data: {
      ...data,
      status: "up",
      lastHeartbeatAt: new Date(),
      dockerVersion: info.dockerVersion,
      apiVersion: info.apiVersion,
      operatingSystem: info.operatingSystem,
      cpus: info.cpus,
      memoryMiB: info.memoryMiB,
    },
  });
}
