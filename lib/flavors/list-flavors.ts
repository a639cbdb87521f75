import "server-only";
import type { Db } from "@/lib/db/client";

/** Flavors a project may launch with: public ones and those shared with it. */
export function flavorsForProject(db: Db, projectId: string) {
  return db.flavor.findMany({
    where: { OR: [{ isPublic: true }, { access: { some: { projectId } } }] },
    orderBy: [{ vcpus: "asc" }, { ramMiB: "asc" }, { name: "asc" }],
  });
}
