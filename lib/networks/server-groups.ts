import "server-only";
import type { Db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { createServerGroupSchema, type CreateServerGroupInput } from "./network-schema";

export async function createServerGroup(db: Db, projectId: string, input: CreateServerGroupInput) {
  const request = parseInput(createServerGroupSchema, input, "server group");
  if (await db.serverGroup.findUnique({ where: { projectId_name: { projectId, name: request.name } } })) {
    throw new BerthError("CONFLICT", `This project already has a server group named ${request.name}.`, { name: "already used in this project" });
  }
  return db.serverGroup.create({ data: { projectId, ...request } });
}

/** Its instances stay where they are; they simply no longer belong to a group (as in Nova). */
export async function deleteServerGroup(db: Db, projectId: string, groupId: string) {
  const group = await db.serverGroup.findFirst({ where: { id: groupId, projectId } });
  if (!group) throw new BerthError("NOT_FOUND", "Server group not found.");
  await db.serverGroup.delete({ where: { id: group.id } });
  return group;
}

export type ServerGroupView = {
  id: string;
  name: string;
  policy: "affinity" | "anti_affinity";
  members: { id: string; name: string }[];
  /** How many different hosts its instances are on now. */
  hostCount: number;
  createdAt: string;
};

export async function listServerGroups(db: Db, projectId: string): Promise<ServerGroupView[]> {
  const groups = await db.serverGroup.findMany({
    where: { projectId },
    orderBy: { name: "asc" },
    include: { instances: { where: { deletedAt: null }, select: { id: true, name: true, hostId: true }, orderBy: { name: "asc" } } },
  });
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    policy: g.policy,
    members: g.instances.map(({ id, name }) => ({ id, name })),
    hostCount: new Set(g.instances.map((i) => i.hostId).filter(Boolean)).size,
    createdAt: g.createdAt.toISOString(),
  }));
}
