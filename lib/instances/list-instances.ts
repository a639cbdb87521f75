import "server-only";
import type { Db } from "@/lib/db/client";

export type InstanceListItem = Awaited<ReturnType<typeof instancesForProject>>[number];

/** A project's instances that are not deleted, newest first, with the names of their image and host. */
export function instancesForProject(db: Db, projectId: string) {
  return db.instance.findMany({
    where: { projectId, deletedAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      flavorName: true,
      vcpus: true,
      ramMiB: true,
      diskGiB: true,
      vmState: true,
      taskState: true,
      powerState: true,
      createdAt: true,
      image: { select: { name: true } },
      host: { select: { name: true } },
    },
  });
}
