import "server-only";
import type Dockerode from "dockerode";
import type { Db, Tx } from "@/lib/db/client";
import type { Host, Network, NetworkHost } from "@/lib/db/generated/client";
import { berthLabels, LABELS } from "@/lib/docker/labels";
import { BerthError } from "@/lib/errors";
import { env } from "@/lib/env";
import { dockerOf } from "@/lib/hosts/host-connection";
import { logger } from "@/lib/logger";
import { lockName, lockSubnets } from "./locks";
import { dynamicRangeOf, freeAddress, freeSubnet, gatewayOf, overlaps, parseCidr } from "./subnets";


/** An instance's place on one network of its host: what Docker needs to connect its container. */
export type Attachment = { networkId: string; networkName: string; dockerName: string; address: string; aliases: string[] };

const pool = () => env().BERTH_NETWORK_POOL;

export function dockerNetworkName(networkHostId: string): string {
  return `berth-net-${networkHostId}`;
}

/** Network work on one host runs one at a time, so a network is never removed while an instance joins it. */
const lockHost = (tx: Tx, hostId: string) => lockName(tx, `berth.networks:${hostId}`);

/**
 * Gives the instance a fixed address on each of its networks on `host`, realising a network on the
 * host (a Docker bridge with a subnet of its own) the first time one of the project's instances
 * lands there. Safe to call again: what exists is reused. Instances launched before networks
 * existed have none and stay on Docker's default bridge.
 */
export async function attachToHost(db: Db, host: Host, instance: { id: string; name: string }): Promise<Attachment[]> {
  return db.$transaction(async (tx) => {
    await lockHost(tx, host.id);
    const chosen = await tx.instanceNetwork.findMany({ where: { instanceId: instance.id }, orderBy: { position: "asc" }, include: { network: true } });
    const attachments: Attachment[] = [];
    for (const { network } of chosen) {
      const realised = (await tx.networkHost.findUnique({ where: { networkId_hostId: { networkId: network.id, hostId: host.id } } })) ?? (await realise(tx, network, host));
      const dockerId = await dockerOf(host).ensureNetwork({
        name: dockerNetworkName(realised.id),
        subnet: realised.cidr,
        gateway: realised.gateway,
        dynamicRange: dynamicRangeOf(realised.cidr),
        labels: { ...berthLabels({ projectId: network.projectId }), [LABELS.network]: realised.id },
      });
      if (dockerId !== realised.dockerNetworkId) await tx.networkHost.update({ where: { id: realised.id }, data: { dockerNetworkId: dockerId } });
      attachments.push({
        networkId: network.id,
        networkName: network.name,
        dockerName: dockerNetworkName(realised.id),
        address: await fixedAddress(tx, realised, instance.id, network.name, host.name),
        aliases: [instance.name],
      });
    }
    return attachments;
  });
}

async function realise(tx: Tx, network: Network, host: Host): Promise<NetworkHost> {
  await lockSubnets(tx);
  const onHost = await tx.networkHost.findMany({ where: { hostId: host.id }, select: { cidr: true } });
  let cidr = network.cidr;
  if (cidr) {
    const mine = parseCidr(cidr)!;
    if (onHost.some((n) => overlaps(parseCidr(n.cidr)!, mine))) {
      throw new BerthError("CONFLICT", `Network ${network.name}'s subnet ${cidr} overlaps another network on host ${host.name}.`);
    }
  } else {
    // Unique across all hosts, not only this one: several hosts may share one kernel (and routes).
    const [realisations, chosenByUsers] = await Promise.all([
      tx.networkHost.findMany({ select: { cidr: true } }),
      tx.network.findMany({ where: { cidr: { not: null } }, select: { cidr: true } }),
    ]);
    cidr = freeSubnet(pool(), [...realisations, ...chosenByUsers].map((n) => n.cidr!));
    if (!cidr) throw new BerthError("CONFLICT", `No free subnet left in Berth's network pool ${pool()}: delete unused networks or widen BERTH_NETWORK_POOL.`);
  }
  return tx.networkHost.create({ data: { networkId: network.id, hostId: host.id, cidr, gateway: gatewayOf(cidr) } });
}

async function fixedAddress(tx: Tx, realised: NetworkHost, instanceId: string, networkName: string, hostName: string): Promise<string> {
  const mine = await tx.instanceAddress.findUnique({ where: { instanceId_networkHostId: { instanceId, networkHostId: realised.id } } });
  if (mine) return mine.address;
  const taken = await tx.instanceAddress.findMany({ where: { networkHostId: realised.id }, select: { address: true } });
  const address = freeAddress(realised.cidr, taken.map((t) => t.address));
  if (!address) throw new BerthError("CONFLICT", `Network ${networkName} is full on host ${hostName} (${realised.cidr}): no free address.`);
  await tx.instanceAddress.create({ data: { instanceId, networkHostId: realised.id, address } });
  return address;
}

/**
 * Gives back the instance's addresses on `hostId` and removes from the host every network no
 * instance uses any more there. A host that is down keeps its Docker networks until the
 * reconciler sees it again; the records go now.
 */
export async function detachFromHost(db: Db, hostId: string, instanceId: string): Promise<void> {
  const host = await db.host.findUnique({ where: { id: hostId } });
  if (!host) return;
  await db.$transaction(async (tx) => {
    await lockHost(tx, hostId);
    const mine = await tx.instanceAddress.findMany({ where: { instanceId, networkHost: { hostId } }, select: { id: true, networkHostId: true } });
    if (!mine.length) return;
    await tx.instanceAddress.deleteMany({ where: { id: { in: mine.map((a) => a.id) } } });
    await removeUnused(tx, host, [...new Set(mine.map((a) => a.networkHostId))]);
  });
}

/** Of these realisations on `host`, removes those no address uses any more; returns their Docker names. */
async function removeUnused(tx: Tx, host: Host, networkHostIds: string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const networkHostId of networkHostIds) {
    if (await tx.instanceAddress.count({ where: { networkHostId } })) continue;
    if (host.status === "up") {
      try {
        await dockerOf(host).removeNetwork(dockerNetworkName(networkHostId));
        removed.push(dockerNetworkName(networkHostId));
      } catch (error) {
        // Something outside Berth still uses it: keep the record, the reconciler tries again.
        logger.warn({ host: host.name, networkHostId, err: error }, "could not remove an unused network");
        continue;
      }
    }
    await tx.networkHost.delete({ where: { id: networkHostId } });
  }
  return removed;
}

/**
 * Removes Berth's networks on a host that no instance uses: realisations left when a removal
 * failed, and Docker networks no record knows (the host was down when their last instance left),
 * once older than `graceMs` (a launch may be creating one whose record is not committed yet).
 * Returns the names removed.
 */
export async function removeStrayNetworks(db: Db, host: Host, graceMs: number): Promise<string[]> {
  const idle = await db.networkHost.findMany({
    where: { hostId: host.id, addresses: { none: {} }, createdAt: { lt: new Date(Date.now() - graceMs) } },
    select: { id: true },
  });
  const removed = idle.length
    ? await db.$transaction(async (tx) => {
        await lockHost(tx, host.id);
        return removeUnused(tx, host, idle.map((n) => n.id));
      })
    : [];
  const networks = await dockerOf(host).listManagedNetworks();
  const known = new Set((await db.networkHost.findMany({ where: { hostId: host.id }, select: { id: true } })).map((n) => n.id));
  for (const network of networks) {
    const id = network.Labels?.[LABELS.network];
    if (!id || known.has(id) || Date.now() - Date.parse(network.Created) < graceMs) continue;
    try {
      await dockerOf(host).removeNetwork(network.Name);
      removed.push(network.Name);
    } catch (error) {
      logger.warn({ host: host.name, network: network.Name, err: error }, "could not remove a stray network");
    }
  }
  return removed;
}

function endpointOf(a: Attachment): Dockerode.EndpointSettings {
  return { IPAMConfig: { IPv4Address: a.address }, Aliases: a.aliases };
}

/** Create options that put the container on its first network (Docker takes one at create time). */
export function onNetworks(options: Dockerode.ContainerCreateOptions, attachments: Attachment[]): Dockerode.ContainerCreateOptions {
  const [first] = attachments;
  if (!first) return options;
  return {
    ...options,
    HostConfig: { ...options.HostConfig, NetworkMode: first.dockerName },
    NetworkingConfig: { EndpointsConfig: { [first.dockerName]: endpointOf(first) } },
  };
}

/** Connects a created container to the rest of its networks; one it is already on is left as it is. */
export async function connectOthers(docker: Dockerode, containerId: string, attachments: Attachment[]): Promise<void> {
  for (const a of attachments.slice(1)) {
    await docker
      .getNetwork(a.dockerName)
      .connect({ Container: containerId, EndpointConfig: endpointOf(a) })
      .catch((error: { statusCode?: number; message?: string }) => {
        if (!(error.statusCode === 403 && /already exists/.test(error.message ?? ""))) throw error;
      });
  }
}

/** Takes a container off its networks (its fixed addresses free for a replacement); `reconnect` puts it back. */
export async function disconnectAll(docker: Dockerode, containerId: string, attachments: Attachment[]): Promise<() => Promise<void>> {
  for (const a of attachments) await docker.getNetwork(a.dockerName).disconnect({ Container: containerId, Force: true }).catch(() => undefined);
  return async () => {
    for (const a of attachments) {
      await docker.getNetwork(a.dockerName).connect({ Container: containerId, EndpointConfig: endpointOf(a) }).catch(() => undefined);
    }
  };
}
