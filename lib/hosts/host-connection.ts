import "server-only";
import type { Host } from "@/lib/db/generated/client";
import { dockerHostFor } from "@/lib/docker/client";

/** The one Docker client of a registered host. */
export function dockerOf(host: Pick<Host, "id" | "endpoint" | "tlsCa" | "tlsCert" | "tlsKey">) {
  return dockerHostFor(host.id, host);
}
