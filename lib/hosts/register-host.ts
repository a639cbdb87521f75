import "server-only";
import type { Db } from "@/lib/db/client";
import { connectHost } from "@/lib/docker/client";
import { BerthError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { registerHostSchema, type RegisterHostInput } from "./host-schema";

/** Probes the engine first: a host that cannot be reached is never saved. */
export async function registerHost(db: Db, input: RegisterHostInput) {
  const data = parseInput(registerHostSchema, input, "host");
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
