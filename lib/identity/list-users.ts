import "server-only";
import type { Db } from "@/lib/db/client";

export type AdminUser = Awaited<ReturnType<typeof listUsers>>[number];

/** Every user with their project roles (never the password hash). */
export function listUsers(db: Db) {
  return db.user.findMany({
    orderBy: { username: "asc" },
    select: {
      id: true,
      username: true,
      displayName: true,
      isAdmin: true,
      enabled: true,
      createdAt: true,
      memberships: { select: { role: true, project: { select: { id: true, name: true } } }, orderBy: { project: { name: "asc" } } },
    },
  });
}
