import "server-only";
import type { Tx } from "@/lib/db/client";

/** A transaction-long advisory lock on a name: work under one name runs one at a time across processes. */
export async function lockName(tx: Tx, name: string): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext($1))`, name);
}

/** Subnets are handed out one at a time across all hosts (taken after a host's lock, never before). */
export const lockSubnets = (tx: Tx) => lockName(tx, "berth.subnets");
