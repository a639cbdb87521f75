import "server-only";
import type { Db } from "@/lib/db/client";
import { heartbeatAll } from "@/lib/hosts/heartbeat";

export type Health = {
  status: "ok" | "degraded" | "down";
  database: { ok: boolean; latencyMs: number; error?: string };
  hosts: { name: string; endpoint: string; status: "up" | "down"; lastHeartbeatAt: string | null; error: string | null }[];
};

/** Checks the database and probes every host now, so the answer is never stale. */
export async function checkHealth(db: Db): Promise<Health> {
  const started = performance.now();
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch (error) {
    return {
      status: "down",
      database: { ok: false, latencyMs: Math.round(performance.now() - started), error: (error as Error).message },
      hosts: [],
    };
  }
  const latencyMs = Math.round(performance.now() - started);
  const hosts = await heartbeatAll(db);
  return {
    status: hosts.every((h) => h.status === "up") ? "ok" : "degraded",
    database: { ok: true, latencyMs },
    hosts: hosts.map((h) => ({
      name: h.name,
      endpoint: h.endpoint,
      status: h.status,
      lastHeartbeatAt: h.lastHeartbeatAt?.toISOString() ?? null,
      error: h.lastError,
    })),
  };
}
