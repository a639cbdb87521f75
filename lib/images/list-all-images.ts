import "server-only";
import type { Db } from "@/lib/db/client";

export type AdminImage = Awaited<ReturnType<typeof listAllImages>>[number];

/** Every image of every project (deleted ones are gone), with its owner and how many instances use it. */
export async function listAllImages(db: Db) {
  const [images, uses] = await Promise.all([
    db.image.findMany({
      where: { status: { not: "deleted" } },
      orderBy: [{ name: "asc" }, { createdAt: "asc" }],
      include: { owner: { select: { id: true, name: true } } },
    }),
    db.instance.groupBy({ by: ["imageId"], where: { deletedAt: null, imageId: { not: null } }, _count: { _all: true } }),
  ]);
  const useCount = new Map(uses.map((u) => [u.imageId, u._count._all]));
  return images.map((image) => ({ ...image, instanceCount: useCount.get(image.id) ?? 0 }));
}
