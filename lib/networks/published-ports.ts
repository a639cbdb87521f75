import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import type { Host, PublishedPort } from "@/lib/db/generated/client";
import { berthLabels, LABELS } from "@/lib/docker/labels";
import { BerthError } from "@/lib/errors";
import { publicAddressOf } from "@/lib/hosts/host-address";
import { dockerOf } from "@/lib/hosts/host-connection";
import { ensureImageOnHost } from "@/lib/images/distribute-image";
import { SEED_IMAGES } from "@/lib/images/seed-images";
import { logger } from "@/lib/logger";
import { lockAndCheckQuota } from "@/lib/quotas/check-quota";
import { parseInput } from "@/lib/validation";
import { dockerNetworkName } from "./host-networks";
import { lockName } from "./locks";
import { publishPortSchema, type PublishPortInput } from "./network-schema";


/** The port the forwarder listens on inside its own container; Docker maps the host port to it. */
const FORWARDER_PORT = 10000;
const MiB = 1024 * 1024;
const FORWARDER_IMAGE = SEED_IMAGES.find((s) => s.name === "busybox")!.ref;

export type PortView = { id: string; hostPort: number; containerPort: number; url: string; hostName: string; createdAt: string };

function forwarderName(portId: string): string {
  return `berth-port-${portId}`;
}

export function toPortView(port: PublishedPort, host: Pick<Host, "name" | "publicAddress" | "endpoint">): PortView {
  return {
    id: port.id,
    hostPort: port.hostPort,
    containerPort: port.containerPort,
    url: `http://${publicAddressOf(host)}:${port.hostPort}`,
    hostName: host.name,
    createdAt: port.createdAt.toISOString(),
  };
}

/**
 * Publishes a container port of an instance on its host's address, at a port of the host's
 * range (the one asked for, else the lowest free). Counted against the project's `ports` quota.
 * The forwarding container is created before this returns; if it cannot be, nothing is left.
 */
export async function publishPort(db: Db, projectId: string, instanceId: string, input: PublishPortInput): Promise<PortView> {
  const request = parseInput(publishPortSchema, input, "published port");
  const instance = await db.instance.findFirst({ where: { id: instanceId, projectId, deletedAt: null }, include: { host: true } });
  if (!instance) throw new BerthError("NOT_FOUND", "Instance not found.");
  if (!instance.host || !instance.containerId || instance.vmState === "building" || instance.vmState === "error") {
    throw new BerthError("CONFLICT", `Instance ${instance.name} is not running on a host yet: publish its ports once it is ACTIVE.`);
  }
  const host = instance.host;
  const port = await db.$transaction(async (tx) => {
    await lockAndCheckQuota(tx, projectId, { ports: 1 });
    const same = await tx.publishedPort.findFirst({ where: { instanceId, containerPort: request.containerPort } });
    if (same) {
      throw new BerthError("CONFLICT", `Port ${request.containerPort} of ${instance.name} is already published at ${publicAddressOf(host)}:${same.hostPort}.`, {
        containerPort: `already published at port ${same.hostPort}`,
      });
    }
    const hostPort = await choosePort(tx, host, request.hostPort);
    return tx.publishedPort.create({ data: { instanceId, projectId, hostId: host.id, hostPort, containerPort: request.containerPort } });
  });
  try {
    await startForwarder(db, host, port);
  } catch (error) {
    await db.publishedPort.delete({ where: { id: port.id } }).catch(() => undefined);
    throw error;
  }
  return toPortView(port, host);
}

async function choosePort(tx: Tx, host: Host, wanted: number | undefined): Promise<number> {
  await lockName(tx, `berth.ports:${host.id}`);
  const range = `${host.portRangeMin}–${host.portRangeMax}`;
  const taken = new Set((await tx.publishedPort.findMany({ where: { hostId: host.id }, select: { hostPort: true } })).map((p) => p.hostPort));
  if (wanted !== undefined) {
    if (wanted < host.portRangeMin || wanted > host.portRangeMax) {
      throw new BerthError("INVALID_INPUT", `Port ${wanted} is outside the range of the instance's host (${range}).`, { hostPort: `must be in ${range}` });
    }
    if (taken.has(wanted)) throw new BerthError("CONFLICT", `Port ${wanted} on ${publicAddressOf(host)} is already published.`, { hostPort: "already published: leave it empty for a free one" });
    return wanted;
  }
  for (let p = host.portRangeMin; p <= host.portRangeMax; p++) if (!taken.has(p)) return p;
  throw new BerthError("CONFLICT", `All ${host.portRangeMax - host.portRangeMin + 1} ports of the host's range ${range} are published: unpublish one, or ask an admin to widen the range.`);
}

/**
 * A small hardened container on the instance's primary network that accepts connections on the
 * host port and relays each to the instance's address (busybox `nc`, one process per connection).
 */
async function startForwarder(db: Db, host: Host, port: PublishedPort): Promise<void> {
  const target = await targetOf(db, host, port.instanceId);
  const image = await db.image.findFirst({ where: { dockerRef: FORWARDER_IMAGE, ownerProjectId: null } });
  if (!image) throw new BerthError("INTERNAL", "The built-in busybox image that forwards ports is missing.");
  await ensureImageOnHost(db, host, image);
  const docker = dockerOf(host).docker;
  await docker.getContainer(forwarderName(port.id)).remove({ force: true }).catch(() => undefined);
  const exposed = `${FORWARDER_PORT}/tcp`;
  const container = await docker.createContainer({
    name: forwarderName(port.id),
    Image: FORWARDER_IMAGE,
    Entrypoint: ["/bin/busybox", "nc", "-ll", "-p", String(FORWARDER_PORT), "-e", "/bin/busybox", "nc", target.address, String(port.containerPort)],
    Cmd: [],
    ExposedPorts: { [exposed]: {} },
    Labels: { ...berthLabels({ projectId: port.projectId }), [LABELS.port]: port.id },
    HostConfig: {
      NetworkMode: target.network,
      PortBindings: { [exposed]: [{ HostPort: String(port.hostPort) }] },
      RestartPolicy: { Name: "unless-stopped" },
      Init: true,
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
      ReadonlyRootfs: true,
      Memory: 32 * MiB,
      MemorySwap: 32 * MiB,
      PidsLimit: 256,
      NanoCpus: 0.5e9,
    },
  });
  try {
    await container.start();
  } catch (error) {
    await container.remove({ force: true }).catch(() => undefined);
    const text = (error as { json?: { message?: string }; message?: string }).json?.message ?? (error as Error).message;
    if (/already allocated|address already in use/i.test(text)) {
      throw new BerthError("CONFLICT", `Port ${port.hostPort} on ${publicAddressOf(host)} is in use by another program: choose another port.`, { hostPort: "in use on the host" });
    }
    throw new BerthError("DOCKER_ERROR", `Publishing port ${port.hostPort} on ${publicAddressOf(host)} failed: ${text}`);
  }
  await db.publishedPort.update({ where: { id: port.id }, data: { containerId: container.id } });
}

/** The instance's address on its primary network on this host, and that network's Docker name. */
async function targetOf(db: Db, host: Host, instanceId: string): Promise<{ address: string; network: string }> {
  const primary = await db.instanceNetwork.findFirst({ where: { instanceId }, orderBy: { position: "asc" } });
  const fixed = primary
    ? await db.instanceAddress.findFirst({ where: { instanceId, networkHost: { hostId: host.id, networkId: primary.networkId } } })
    : null;
  if (fixed) return { address: fixed.address, network: dockerNetworkName(fixed.networkHostId) };
  // Launched before project networks: it is on Docker's default bridge.
  const instance = await db.instance.findUnique({ where: { id: instanceId } });
  const inspect = await dockerOf(host).docker.getContainer(instance!.containerId!).inspect();
  const address = inspect.NetworkSettings.Networks.bridge?.IPAddress;
  if (!address) throw new BerthError("CONFLICT", "The instance has no address to forward to: start it first.");
  return { address, network: "bridge" };
}

async function stopForwarder(db: Db, port: PublishedPort): Promise<void> {
  const host = await db.host.findUnique({ where: { id: port.hostId } });
  // A host that is down loses the forwarder when the reconciler next sees it.
  if (!host || host.status !== "up") return;
  await dockerOf(host).docker.getContainer(forwarderName(port.id)).remove({ force: true }).catch((error: { statusCode?: number }) => {
    if (error.statusCode !== 404) throw error;
  });
}

export async function unpublishPort(db: Db, projectId: string, portId: string): Promise<void> {
  const port = await db.publishedPort.findFirst({ where: { id: portId, projectId } });
  if (!port) throw new BerthError("NOT_FOUND", "Published port not found.");
  await stopForwarder(db, port);
  await db.publishedPort.delete({ where: { id: port.id } });
}

/** With the instance: every port it published goes. */
export async function unpublishAll(db: Db, instanceId: string): Promise<string> {
  const ports = await db.publishedPort.findMany({ where: { instanceId } });
  for (const port of ports) {
    await stopForwarder(db, port);
    await db.publishedPort.delete({ where: { id: port.id } });
  }
  return ports.map((p) => p.hostPort).join(", ");
}

/**
 * After the instance moved: its ports leave the old host and are published on the new one, at
 * the same port numbers where they are free there, else at the lowest free ones.
 */
export async function movePublishedPorts(db: Db, instanceId: string): Promise<string> {
  const instance = await db.instance.findUniqueOrThrow({ where: { id: instanceId }, include: { host: true } });
  const host = instance.host!;
  const moved: string[] = [];
  for (const port of await db.publishedPort.findMany({ where: { instanceId, hostId: { not: host.id } } })) {
    await stopForwarder(db, port).catch((error) => logger.warn({ port: port.id, err: error }, "could not remove a forwarder from the old host"));
    const renumbered = await db.$transaction(async (tx) => {
      const hostPort = await choosePort(tx, host, port.hostPort).catch(() => choosePort(tx, host, undefined));
      return tx.publishedPort.update({ where: { id: port.id }, data: { hostId: host.id, hostPort, containerId: null } });
    });
    await startForwarder(db, host, renumbered);
    moved.push(`${port.hostPort} → ${publicAddressOf(host)}:${renumbered.hostPort}`);
  }
  return moved.join(", ");
}

/**
 * Repairs one host's forwarders: removes those no published port owns, and starts again those a
 * published port has but the host lost. Returns the container ids removed.
 */
export async function reconcileForwarders(db: Db, host: Host): Promise<string[]> {
  const ports = await db.publishedPort.findMany({ where: { hostId: host.id } });
  const wanted = new Map(ports.map((p) => [p.id, p]));
  const removed: string[] = [];
  const running = new Set<string>();
  for (const c of await dockerOf(host).listManagedContainers()) {
    const portId = c.Labels[LABELS.port];
    if (!portId) continue;
    if (wanted.has(portId)) {
      running.add(portId);
      continue;
    }
    await dockerOf(host).docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined);
    removed.push(c.Id);
  }
  for (const port of ports) {
    if (running.has(port.id) || !port.containerId) continue;
    await startForwarder(db, host, port).catch((error) => logger.warn({ host: host.name, port: port.hostPort, err: error }, "could not restore a forwarder"));
  }
  return removed;
}
