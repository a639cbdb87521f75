import "server-only";
import type { Db } from "@/lib/db/client";
import { audit, type AuditActor } from "@/lib/audit/audit";
import { BerthError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { lockProject } from "./check-quota";
import { quotaLimitsSchema, type QuotaLimitsInput } from "./quota-schema";
import { QUOTA_INFO, QUOTA_RESOURCES, quotaLimits, quotaUsed, type QuotaResource } from "./quotas";

/** Sets a project's limits; a limit below what the project already uses is refused, naming the usage. */
export async function updateProjectQuotas(db: Db, actor: AuditActor, projectId: string, input: QuotaLimitsInput) {
  const limits = parseInput(quotaLimitsSchema, input, "quota");
  const project = await db.project.findUnique({ where: { id: projectId } });
  if (!project) throw new BerthError("NOT_FOUND", "Project not found.");
  return db.$transaction(async (tx) => {
    await lockProject(tx, projectId);
    const [before, used] = await Promise.all([quotaLimits(tx as unknown as Db, projectId), quotaUsed(tx as unknown as Db, projectId)]);
    const fields: Record<string, string> = {};
    for (const [resource, value] of givenLimits(limits)) {
      if (value >= 0 && value < used[resource]) {
        const unit = QUOTA_INFO[resource].unit ? ` ${QUOTA_INFO[resource].unit}` : "";
        fields[resource] = `below current usage: the project uses ${used[resource]}${unit}`;
      }
    }
    if (Object.keys(fields).length) {
      const summary = Object.entries(fields).map(([r, m]) => `${r} ${m}`).join("; ");
      throw new BerthError("CONFLICT", `Cannot lower the quota of ${project.name}: ${summary}.`, fields);
    }
    for (const [resource, value] of givenLimits(limits)) {
      await tx.quota.upsert({
        where: { projectId_resource: { projectId, resource } },
        create: { projectId, resource, limit: value },
        update: { limit: value },
      });
    }
    const after = await quotaLimits(tx as unknown as Db, projectId);
    await audit(tx, actor, "quota.update", { type: "project", id: project.id, name: project.name }, before, after);
    return after;
  });
}

/** The limits new projects (and projects without their own) get. */
export async function updateDefaultQuotas(db: Db, actor: AuditActor, input: QuotaLimitsInput) {
  const limits = parseInput(quotaLimitsSchema, input, "quota");
  return db.$transaction(async (tx) => {
    const before = await tx.quotaDefault.findMany();
    for (const [resource, value] of givenLimits(limits)) {
      await tx.quotaDefault.upsert({ where: { resource }, create: { resource, limit: value }, update: { limit: value } });
    }
    const after = await tx.quotaDefault.findMany();
    const asMap = (rows: { resource: string; limit: number }[]) => Object.fromEntries(rows.map((r) => [r.resource, r.limit]));
    await audit(tx, actor, "quota.defaults", { type: "quota-defaults" }, asMap(before), asMap(after));
    return asMap(after);
  });
}

/** The [resource, limit] pairs actually given in an update. */
function givenLimits(limits: Partial<Record<QuotaResource, number | undefined>>): [QuotaResource, number][] {
  return QUOTA_RESOURCES.filter((r) => limits[r] !== undefined).map((r) => [r, limits[r]!]);
}
