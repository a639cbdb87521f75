import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { isBerthError } from "@/lib/errors";
import { requireProjectRole } from "@/lib/identity/page-access";
import { can, type Permission } from "@/lib/identity/permissions";
import { instanceDetail } from "@/lib/instances/instance-detail";
import { instanceRowsByIds } from "@/lib/instances/list-instances";
import { findInstance } from "@/lib/instances/request-action";

/** What Next hands every page and layout under /projects/[projectId]/instances/[instanceId]. */
export type InstanceRouteProps = { params: Promise<{ projectId: string; instanceId: string }> };

/**
 * The guard of every instance page: the viewer's role in the project and the instance as a list
 * row. Another project's instance, or an unknown id, is a 404. Cached per request, so the layout
 * and the page share one read.
 */
export const requireInstance = cache(async (projectId: string, instanceId: string) => {
  const { user, role } = await requireProjectRole(projectId);
  const { rows } = await instanceRowsByIds(db(), { role }, projectId, [instanceId]);
  if (!rows[0]) notFound();
  return { user, role, row: rows[0] };
});

/** Refusals become the 404 page; anything else is a real failure, for the error page. */
async function or404<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (isBerthError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}

/** The instance as its overview shows it. */
export async function requireInstanceDetail(projectId: string, instanceId: string) {
  const { role } = await requireInstance(projectId, instanceId);
  return or404(instanceDetail(db(), projectId, instanceId, role));
}

/** The instance's record, for a tab that needs `permission` (a 404 without it). */
export async function requireInstanceRecord(projectId: string, instanceId: string, permission: Permission) {
  const { user, role } = await requireInstance(projectId, instanceId);
  if (!can(role, permission)) notFound();
  return or404(findInstance(db(), { userId: user.id, isAdmin: user.isAdmin, projectId }, instanceId));
}
