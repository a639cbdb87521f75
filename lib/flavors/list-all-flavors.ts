import "server-only";
import type { Db } from "@/lib/db/client";

export type AdminFlavor = Awaited<ReturnType<typeof listAllFlavors>>[number];

/** Every flavor, public or not, with the projects a private one is shared with. */
export function listAllFlavors(db: Db) {
  return db.flavor.findMany({
    orderBy: [{ vcpus: "asc" }, { ramMiB: "asc" }, { name: "asc" }],
    include: { access: { select: { project: { select: { id: true, name: true } } }, orderBy: { project: { name: "asc" } } } },
  });
}
