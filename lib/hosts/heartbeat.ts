import "server-only";
import type { Db } from "@/lib/db/client";
import type { Host } from "@/lib/db/generated/client";
import { dockerOf } from "./host-connection";

/** Probes one host and records the answer: up with fresh capacity, or down with the reason. */
export async function heartbeat(db: Db, host: Host, timeoutMs?: number): Promise<Host> {
  try {
    const info = await dockerOf(host).probe(timeoutMs);
    return await db.host.update({
      where: { id: host.id },
      data: {
        status: "up",
        lastHeartbeatAt: new Date(),
        lastError: null,
        dockerVersion: info.dockerVersion,
        apiVersion: info.apiVersion,
        operatingSystem: info.operatingSystem,
        cpus: info.cpus,
        memoryMiB: info.memoryMiB,
      },
    });
  } catch (error) {
    return db.host.update({
      where: { id: host.id },
      data: { status: "down", lastError: (error as Error).message },
    });
  }
}

export async function heartbeatAll(db: Db): Promise<Host[]> {
  const hosts = await db.host.findMany({ orderBy: { name: "asc" } });
  return Promise.all(hosts.map((h) => heartbeat(db, h)));
}
