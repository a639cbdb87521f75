import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { lockAndCheckQuota } from "@/lib/quotas/check-quota";
import { parseInput } from "@/lib/validation";
import { lockSubnets } from "./locks";
import { createNetworkSchema, type CreateNetworkInput } from "./network-schema";
import { overlaps, parseCidr } from "./subnets";

const DEFAULT_NETWORK = "default";

/** Every project has a private network named `default`; it is made the first time it is needed. */
async function ensureDefaultNetwork(tx: Tx | Db, projectId: string) {
  return tx.network.upsert({
    where: { projectId_name: { projectId, name: DEFAULT_NETWORK } },
    create: { projectId, name: DEFAULT_NETWORK, isDefault: true, description: "The project's private network." },
    update: {},
  });
}

export async function createNetwork(db: Db, projectId: string, input: CreateNetworkInput) {
  const request = parseInput(createNetworkSchema, input, "network");
  return db.$transaction(async (tx) => {
    await lockAndCheckQuota(tx, projectId, { networks: 1 });
    if (await tx.network.findUnique({ where: { projectId_name: { projectId, name: request.name } } })) {
      throw new BerthError("CONFLICT", `This project already has a network named ${request.name}.`, { name: "already used in this project" });
    }
    if (request.cidr) {
      await lockSubnets(tx);
      const mine = parseCidr(request.cidr)!;
      const [chosen, realised] = await Promise.all([
        tx.network.findMany({ where: { cidr: { not: null } }, select: { cidr: true } }),
        tx.networkHost.findMany({ select: { cidr: true } }),
      ]);
      const clash = [...chosen, ...realised].map((n) => n.cidr!).find((c) => overlaps(parseCidr(c)!, mine));
      if (clash) {
        const message = `overlaps ${clash}, already in use: choose another subnet or leave it empty for an automatic one`;
        throw new BerthError("CONFLICT", `Subnet ${request.cidr} ${message}.`, { cidr: message });
      }
    }
    return tx.network.create({ data: { projectId, name: request.name, description: request.description, cidr: request.cidr ?? null } });
  });
}

/** Refused for the default network and while an instance is on it, saying which. */
export async function deleteNetwork(db: Db, projectId: string, networkId: string) {
  const network = await db.network.findFirst({ where: { id: networkId, projectId } });
  if (!network) throw new BerthError("NOT_FOUND", "Network not found.");
  if (network.isDefault) throw new BerthError("CONFLICT", `${network.name} is the project's default network: it cannot be deleted.`);
  const users = await db.instanceNetwork.findMany({
    where: { networkId, instance: { deletedAt: null } },
    select: { instance: { select: { name: true } } },
    take: 4,
  });
  if (users.length) {
    const names = users.slice(0, 3).map((u) => u.instance.name).join(", ");
    throw new BerthError("CONFLICT", `Network ${network.name} is in use by ${names}${users.length > 3 ? " and more" : ""}: delete those instances first.`);
  }
  await db.$transaction([db.instanceNetwork.deleteMany({ where: { networkId } }), db.network.delete({ where: { id: networkId } })]);
  return network;
}

export type NetworkView = {
  id: string;
  name: string;
  description: string;
  cidr: string | null;
  isDefault: boolean;
  instances: number;
  /** Where it exists now, with the subnet it has there (host names for admins only). */
  hosts: { host: string | null; cidr: string }[];
  createdAt: string;
};

export async function listNetworks(db: Db, projectId: string, { showHosts = false } = {}): Promise<NetworkView[]> {
  await ensureDefaultNetwork(db, projectId);
  const networks = await db.network.findMany({
    where: { projectId },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    include: {
      hosts: { include: { host: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      _count: { select: { instances: { where: { instance: { deletedAt: null } } } } },
    },
  });
  return networks.map((n) => ({
    id: n.id,
    name: n.name,
    description: n.description,
    cidr: n.cidr,
    isDefault: n.isDefault,
    instances: n._count.instances,
    hosts: n.hosts.map((h) => ({ host: showHosts ? h.host.name : null, cidr: h.cidr })),
    createdAt: n.createdAt.toISOString(),
  }));
}

/** The networks a launch asked for (ids of this project's networks, in order), or the default one. */
export async function launchNetworks(tx: Tx, projectId: string, networkIds: string[] | undefined): Promise<string[]> {
  if (!networkIds?.length) return [(await ensureDefaultNetwork(tx, projectId)).id];
  const found = await tx.network.findMany({ where: { projectId, id: { in: networkIds } }, select: { id: true } });
  const known = new Set(found.map((n) => n.id));
  const missing = networkIds.filter((id) => !known.has(id));
  if (missing.length) {
    throw new BerthError("INVALID_INPUT", `Network not found in this project: ${missing.join(", ")}.`, { networkIds: "choose networks of this project" });
  }
  return [...new Set(networkIds)];
}
