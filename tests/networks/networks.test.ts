import type Dockerode from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Host } from "@/lib/db/generated/client";
import { LABELS } from "@/lib/docker/labels";
import { launchInstances } from "@/lib/instances/launch-instances";
import { requestAction } from "@/lib/instances/request-action";
import { createNetwork, deleteNetwork } from "@/lib/networks/manage-networks";
import { publishPort, unpublishPort } from "@/lib/networks/published-ports";
import { createServerGroup } from "@/lib/networks/server-groups";
import { eventually, startCloud, type Cloud } from "../support/cloud";

let cloud: Cloud;
let otherProjectId: string;

beforeAll(async () => {
  cloud = await startCloud({ hosts: 3 });
  otherProjectId = (await cloud.db.project.create({ data: { name: "other" } })).id;
});
afterAll(() => cloud?.stop());

type Launch = { name: string; image?: string; projectId?: string; kind?: "machine" | "application"; extra?: Record<string, unknown> };

async function launch({ name, image = "busybox", projectId = cloud.projectId, kind, extra = {} }: Launch) {
  const { instances } = await launchInstances(cloud.db, { userId: cloud.userId, projectId }, {
    name,
    imageId: cloud.imageId(image),
    flavorId: cloud.flavorId("m1.nano"),
    kind: kind ?? (image === "httpd" ? "application" : "machine"),
    ...extra,
  });
  return instances;
}

async function active(ids: string[]) {
  return eventually(
    async () => {
      const rows = await cloud.db.instance.findMany({ where: { id: { in: ids } }, include: { host: true, addresses: { include: { networkHost: { include: { network: true } } } } } });
      if (rows.some((r) => r.vmState === "error")) throw new Error(`launch failed: ${rows.map((r) => r.faultMessage).join("; ")}`);
      return rows.every((r) => r.vmState === "active") && rows;
    },
    30_000,
    "instances to be ACTIVE",
  );
}

async function deleted(id: string) {
  await requestAction(cloud.db, { userId: cloud.userId, isAdmin: true }, id, "delete");
  await eventually(async () => (await cloud.db.instance.findUnique({ where: { id } }))?.deletedAt, 20_000, "instance deleted");
}

const hostOf = (row: { hostId: string | null }): Host => cloud.hosts.find((h) => h.id === row.hostId)!;

/** Runs a command in a container; resolves to its exit code and output. */
async function run(docker: Dockerode, containerId: string, cmd: string[]): Promise<{ code: number; output: string }> {
  const exec = await docker.getContainer(containerId).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({});
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const { ExitCode } = await exec.inspect();
  return { code: ExitCode ?? -1, output: Buffer.concat(chunks).toString("utf8") };
}

/** busybox wget, bounded by `timeout` (its own -T is unreliable). */
const fetchFrom = (target: string) => ["timeout", "3", "wget", "-q", "-O", "-", `http://${target}/`];

describe("project networks", () => {
  it("connect a project's instances on one host by name and by address", async () => {
    const group = await createServerGroup(cloud.db, cloud.projectId, { name: "together", policy: "affinity" });
    const [web] = await launch({ name: "web", image: "httpd", extra: { serverGroupId: group.id } });
    const [client] = await launch({ name: "client", extra: { serverGroupId: group.id } });
    const [rows0, rows1] = [await active([web.id]), await active([client.id])];
    const webRow = rows0[0];
    const clientRow = rows1[0];
    expect(clientRow.hostId).toBe(webRow.hostId);
    expect(webRow.addresses).toHaveLength(1);
    expect(webRow.addresses[0].networkHost.network.name).toBe("default");
    const webAddress = webRow.addresses[0].address;
    expect(webAddress).toMatch(/^10\.\d+\.\d+\.\d+$/);

    const docker = cloud.docker(hostOf(webRow));
    const byName = await run(docker, clientRow.containerId!, fetchFrom("web"));
    expect(byName.output).toContain("Hello from Berth");
    const byAddress = await run(docker, clientRow.containerId!, fetchFrom(webAddress));
    expect(byAddress.output).toContain("Hello from Berth");

    await Promise.all([deleted(web.id), deleted(client.id)]);
  });

  it("keep another project's instance on the very same host out, by address and by name", async () => {
    const host = cloud.hosts[1];
    const zone = "isolation";
    await cloud.db.host.update({ where: { id: host.id }, data: { availabilityZone: zone } });
    try {
      const [web] = await launch({ name: "web2", image: "httpd", extra: { availabilityZone: zone } });
      const [intruder] = await launch({ name: "intruder2", projectId: otherProjectId, extra: { availabilityZone: zone } });
      const [webRow] = await active([web.id]);
      const [intruderRow] = await active([intruder.id]);
      expect(intruderRow.hostId).toBe(host.id);
      expect(webRow.hostId).toBe(host.id);
      const docker = cloud.docker(host);
      // The route is there (same kernel), the traffic is not let through; the name does not resolve.
      const blocked = await run(docker, intruderRow.containerId!, fetchFrom(webRow.addresses[0].address));
      expect(blocked.code).not.toBe(0);
      expect(blocked.output).not.toContain("Hello from Berth");
      expect((await run(docker, intruderRow.containerId!, fetchFrom("web2"))).code).not.toBe(0);
      // Its subnet on that host is its own.
      expect(intruderRow.addresses[0].networkHost.cidr).not.toBe(webRow.addresses[0].networkHost.cidr);
      await Promise.all([deleted(web.id), deleted(intruder.id)]);
    } finally {
      await cloud.db.host.update({ where: { id: host.id }, data: { availabilityZone: "nova" } });
    }
  });

  it("realise a network on a host with its first instance and remove it with its last", async () => {
    const net = await createNetwork(cloud.db, cloud.projectId, { name: "backend" });
    const [a, b] = await launch({ name: "pair", extra: { minCount: 2, networkIds: [net.id], availabilityZone: "nova" } });
    const rows = await active([a.id, b.id]);
    const hosts = new Set(rows.map((r) => r.hostId));
    // The backend network's realisations, as Docker networks labelled with their record's id.
    const realisations = new Set((await cloud.db.networkHost.findMany({ where: { networkId: net.id } })).map((n) => n.id));
    expect(realisations.size).toBe(hosts.size);
    const dockerNetworks = async (host: Host) =>
      (await cloud.docker(host).listNetworks({ filters: { label: [LABELS.network] } })).filter((n) => realisations.has(n.Labels?.[LABELS.network] ?? ""));
    for (const hostId of hosts) expect(await dockerNetworks(cloud.hosts.find((h) => h.id === hostId)!)).toHaveLength(1);

    const first = rows[0];
    const firstHost = hostOf(first);
    await deleted(first.id);
    const stillThere = rows.some((r) => r.id !== first.id && r.hostId === first.hostId);
    expect(await dockerNetworks(firstHost)).toHaveLength(stillThere ? 1 : 0);
    expect(await cloud.db.networkHost.count({ where: { networkId: net.id, hostId: firstHost.id } })).toBe(stillThere ? 1 : 0);

    await expect(deleteNetwork(cloud.db, cloud.projectId, net.id)).rejects.toThrow(/in use by pair-/);
    await deleted(rows[1].id);
    for (const host of cloud.hosts) expect(await dockerNetworks(host)).toHaveLength(0);
    await deleteNetwork(cloud.db, cloud.projectId, net.id);
  });

  it("let the reconciler remove a network left behind with no instance on it", async () => {
    const net = await createNetwork(cloud.db, cloud.projectId, { name: "left-behind" });
    const [one] = await launch({ name: "lonely", extra: { networkIds: [net.id] } });
    const [row] = await active([one.id]);
    const host = hostOf(row);
    const realisation = await cloud.db.networkHost.findFirstOrThrow({ where: { networkId: net.id } });
    // As if its last instance had left without the removal going through.
    await cloud.docker(host).getContainer(row.containerId!).remove({ force: true });
    await cloud.db.instance.update({ where: { id: row.id }, data: { deletedAt: new Date(), vmState: "deleted" } });
    await cloud.db.instanceAddress.deleteMany({ where: { instanceId: row.id } });
    await eventually(async () => !(await cloud.db.networkHost.findUnique({ where: { id: realisation.id } })), 15_000, "the reconciler to remove the record");
    const left = await cloud.docker(host).listNetworks({ filters: { label: [`${LABELS.network}=${realisation.id}`] } });
    expect(left).toHaveLength(0);
    await deleteNetwork(cloud.db, cloud.projectId, net.id);
  });

  it("refuse a subnet that overlaps one in use, naming the field", async () => {
    await createNetwork(cloud.db, cloud.projectId, { name: "fixed", cidr: "10.99.0.0/24" });
    await expect(createNetwork(cloud.db, otherProjectId, { name: "fixed", cidr: "10.99.0.128/25" })).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { cidr: expect.stringContaining("overlaps 10.99.0.0/24") },
    });
    await expect(createNetwork(cloud.db, cloud.projectId, { name: "fixed" })).rejects.toMatchObject({ fields: { name: "already used in this project" } });
    await expect(createNetwork(cloud.db, cloud.projectId, { name: "bad", cidr: "10.99.1.1/24" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("publish a port reachable on the host's loopback, gone after the instance is deleted", async () => {
    const [web] = await launch({ name: "published", image: "httpd" });
    const [row] = await active([web.id]);
    const host = hostOf(row);
    const port = await publishPort(cloud.db, cloud.projectId, web.id, { containerPort: 80 });
    expect(port.hostPort).toBeGreaterThanOrEqual(host.portRangeMin);
    expect(port.url).toBe(`http://127.0.0.1:${port.hostPort}`);
    const page = await eventually(async () => {
      const res = await fetch(port.url).catch(() => null);
      return res?.ok && (await res.text());
    }, 10_000, "the published port to answer");
    expect(page).toContain("Hello from Berth");

    await expect(publishPort(cloud.db, cloud.projectId, web.id, { containerPort: 80 })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(publishPort(cloud.db, cloud.projectId, web.id, { containerPort: 81, hostPort: 80 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { hostPort: `must be in ${host.portRangeMin}–${host.portRangeMax}` },
    });

    // The project's ports quota counts published ports.
    await cloud.db.quota.create({ data: { projectId: cloud.projectId, resource: "ports", limit: 1 } });
    await expect(publishPort(cloud.db, cloud.projectId, web.id, { containerPort: 8080 })).rejects.toThrow("Quota exceeded for ports: requested 1, used 1 of 1");
    await cloud.db.quota.delete({ where: { projectId_resource: { projectId: cloud.projectId, resource: "ports" } } });

    // A host whose range holds one port, already taken: exhausted, said plainly.
    await cloud.db.host.update({ where: { id: host.id }, data: { portRangeMin: port.hostPort, portRangeMax: port.hostPort } });
    await expect(publishPort(cloud.db, cloud.projectId, web.id, { containerPort: 8080 })).rejects.toThrow(
      `All 1 ports of the host's range ${port.hostPort}–${port.hostPort} are published: unpublish one, or ask an admin to widen the range.`,
    );
    await cloud.db.host.update({ where: { id: host.id }, data: { portRangeMin: host.portRangeMin, portRangeMax: host.portRangeMax } });
    expect(await cloud.db.publishedPort.count({ where: { instanceId: web.id } })).toBe(1);

    // Unpublish and publish again at a chosen port; the instance's deletion takes it away.
    await unpublishPort(cloud.db, cloud.projectId, port.id);
    await expect(fetch(port.url)).rejects.toThrow();
    const again = await publishPort(cloud.db, cloud.projectId, web.id, { containerPort: 80, hostPort: host.portRangeMax });
    await eventually(async () => (await fetch(again.url).catch(() => null))?.ok, 10_000, "the port published again");
    await deleted(web.id);
    await expect(fetch(again.url)).rejects.toThrow();
    expect(await cloud.db.publishedPort.count({ where: { instanceId: web.id } })).toBe(0);
    const forwarders = await cloud.docker(host).listContainers({ all: true, filters: { label: [LABELS.port] } });
    expect(forwarders).toHaveLength(0);
  });

  it("keep an affinity group on one host and spread an anti-affinity group", async () => {
    const together = await createServerGroup(cloud.db, cloud.projectId, { name: "pack", policy: "affinity" });
    const apart = await createServerGroup(cloud.db, cloud.projectId, { name: "spread", policy: "anti_affinity" });
    const packed = await active((await launch({ name: "packed", extra: { minCount: 3, serverGroupId: together.id } })).map((i) => i.id));
    expect(new Set(packed.map((r) => r.hostId)).size).toBe(1);
    const spread = await active((await launch({ name: "spread", extra: { minCount: 3, serverGroupId: apart.id } })).map((i) => i.id));
    expect(new Set(spread.map((r) => r.hostId)).size).toBe(3);

    // A fourth member of the anti-affinity group has nowhere to go, and says why.
    const [fourth] = await launch({ name: "spread-4", extra: { serverGroupId: apart.id } });
    const failed = await eventually(async () => {
      const row = await cloud.db.instance.findUnique({ where: { id: fourth.id } });
      return row?.vmState === "error" && row;
    }, 20_000, "the fourth member to fail");
    expect(failed.faultMessage).toMatch(/already holds an instance of server group spread \(anti-affinity\)/);
    for (const r of [...packed, ...spread]) await deleted(r.id);
    await deleted(fourth.id);
  });
});
