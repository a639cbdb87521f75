import "server-only";
import type { Db } from "@/lib/db/client";

/** Images a project can see: public, its own, and those shared with it. Deleted ones are gone. */
export function imagesForProject(db: Db, projectId: string) {
  return db.image.findMany({
    where: {
      status: { not: "deleted" },
      OR: [{ visibility: "public" }, { ownerProjectId: projectId }, { members: { some: { projectId } } }],
    },
    orderBy: { name: "asc" },
  });
}
