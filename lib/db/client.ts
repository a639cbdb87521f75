import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

/** The client inside an interactive transaction (`db.$transaction(async (tx) => …)`). */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// Next bundles server code separately from the custom server, so the singleton lives on globalThis.
const globalForDb = globalThis as unknown as { berthDb?: PrismaClient };

export function createDb(connectionString: string, max = 10): PrismaClient {
  // Bursts queue on row locks (a project's quota, the hosts during a claim): wait, don't fail.
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max }),
    transactionOptions: { maxWait: 10_000, timeout: 30_000 },
  });
}

/** The one Prisma client of this process. DATABASE_URL is set by the start-up (embedded or given). */
export function db(): PrismaClient {
  if (!globalForDb.berthDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: Berth's start-up sets it before serving");
    globalForDb.berthDb = createDb(url);
  }
  return globalForDb.berthDb;
}
