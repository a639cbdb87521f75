import { readdir } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import Dockerode from "dockerode";
import { pack } from "tar-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectDeletedImages } from "@/lib/images/collect-deleted-images";
import { requestImport } from "@/lib/images/import-from-host";
import { deleteImage } from "@/lib/images/manage-images";
import { requestSnapshot } from "@/lib/images/snapshot-instance";
import { uploadImage } from "@/lib/images/upload-image";
import { launchInstances } from "@/lib/instances/launch-instances";
import { eventually, startCloud, type Cloud } from "../support/cloud";

let cloud: Cloud;
let actor: { id: string; username: string };
let archive: Buffer;

beforeAll(async () => {
  cloud = await startCloud({ hosts: 2 });
  actor = { id: cloud.userId, username: "admin" };
  // A real archive, made by a test daemon.
  const stream = await cloud.docker(cloud.hosts[0]).getImage("berth/httpd:1").get();
  const chunks: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Buffer>) chunks.push(c);
  archive = Buffer.concat(chunks);
});
afterAll(() => cloud?.stop());

const storeFiles = async () => (await readdir(path.join(process.env.BERTH_IMAGE_STORE!, "sha256"))).sort();
const incoming = async () => readdir(path.join(process.env.BERTH_IMAGE_STORE!, "incoming")).catch(() => []);
const upload = (name: string, bytes: Buffer, maxBytes?: number) =>
  uploadImage(cloud.db, actor, cloud.projectId, { name, kind: "application" }, Readable.from([bytes.subarray(0, 4096), bytes.subarray(4096)]), maxBytes);

async function execOutput(docker: Dockerode, containerId: string, cmd: string[]) {
  const exec = await docker.getContainer(containerId).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, Tty: true });
  const stream = await exec.start({ hijack: true, stdin: false, Tty: true } as never);
  let text = "";
  for await (const c of stream as AsyncIterable<Buffer>) text += c.toString();
  return text;
}

async function active(id: string) {
  return eventually(async () => {
    const r = await cloud.db.instance.findUniqueOrThrow({ where: { id }, include: { host: true } });
    return r.vmState === "active" && r.taskState === null && r;
  }, 30_000, "ACTIVE");
}

describe("image service", () => {
  it("takes a real docker save archive, checks it and stores it by content, once", async () => {
    const image = await upload("my-httpd", archive);
    expect(image).toMatchObject({ status: "active", ownerProjectId: cloud.projectId, sizeBytes: BigInt(archive.length) });
    const original = await cloud.db.image.findUniqueOrThrow({ where: { id: cloud.imageId("httpd") } });
    expect(image.dockerImageId).toBe(original.dockerImageId);
    expect(image.properties).toMatchObject({ defaultCommand: ["httpd", "-f", "-p", "80", "-h", "/www"], exposedPorts: ["80/tcp"] });
    const before = await storeFiles();
    const twin = await upload("my-httpd-again", archive);
    expect(twin.archiveDigest).toBe(image.archiveDigest);
    expect(await storeFiles()).toEqual(before);
  });

  it("launches an uploaded image on a host that lacks it, carrying it there", async () => {
    const image = await cloud.db.image.findFirstOrThrow({ where: { name: "my-httpd" } });
    const [source, target] = cloud.hosts;
    await cloud.docker(target).getImage(image.dockerImageId!).remove({ force: true }).catch(() => undefined);
    await cloud.db.host.update({ where: { id: source.id }, data: { enabled: false, disabledReason: "test" } });
    try {
      const { instances } = await launchInstances(cloud.db, { userId: cloud.userId, projectId: cloud.projectId }, {
        name: "from-upload",
        imageId: image.id,
        flavorId: cloud.flavorId("m1.tiny"),
        kind: "application",
      });
      const row = await active(instances[0].id);
      expect(row.hostId).toBe(target.id);
      const transfer = await cloud.db.instanceActionEvent.findFirstOrThrow({ where: { event: "image", action: { instanceId: row.id } } });
      expect(transfer.details).toBe(`loaded onto ${target.name}`);
      expect(transfer.finishedAt!.getTime()).toBeGreaterThanOrEqual(transfer.startedAt.getTime());
    } finally {
      await cloud.db.host.update({ where: { id: source.id }, data: { enabled: true, disabledReason: null } });
    }
  });

  it("refuses bad archives with a clear reason, leaving the image killed and nothing in the store", async () => {
    const before = await storeFiles();
    const cases: [string, Buffer, string, number?][] = [
      ["not-tar", Buffer.from("PK\u0003\u0004 this is a zip, not a tar".repeat(100)), "This file is not a tar archive."],
      ["truncated", archive.subarray(0, Math.floor(archive.length / 2)), "truncated"],
      ["too-big", archive, "larger than the limit of 1000 bytes", 1000],
    ];
    const twoImages = pack();
    twoImages.entry({ name: "manifest.json" }, JSON.stringify([{ Config: "a.json", Layers: [] }, { Config: "b.json", Layers: [] }]));
    twoImages.entry({ name: "a.json" }, "{}");
    twoImages.entry({ name: "b.json" }, "{}");
    twoImages.finalize();
    const chunks: Buffer[] = [];
    for await (const c of twoImages as unknown as AsyncIterable<Buffer>) chunks.push(c);
    cases.push(["two", Buffer.concat(chunks), "The archive holds 2 images; upload one image at a time."]);

    for (const [name, bytes, message, max] of cases) {
      await expect(upload(name, bytes, max), name).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining(message) });
      const row = await cloud.db.image.findFirstOrThrow({ where: { name } });
      expect(row.status, name).toBe("killed");
      expect((row.properties as { error: string }).error).toContain(message);
    }
    expect(await storeFiles()).toEqual(before);
    expect(await incoming()).toEqual([]);
    await expect(upload("my-httpd", archive)).rejects.toMatchObject({ code: "CONFLICT", message: "This project already has an image named my-httpd." });
  });

  it("snapshots an instance: a file written inside exists in a new instance launched from it", async () => {
    const { instances } = await launchInstances(cloud.db, { userId: cloud.userId, projectId: cloud.projectId }, {
      name: "original",
      imageId: cloud.imageId("busybox"),
      flavorId: cloud.flavorId("m1.tiny"),
      kind: "machine",
    });
    const original = await active(instances[0].id);
    const docker = cloud.docker(original.host!);
    await execOutput(docker, original.containerId!, ["sh", "-c", "echo written-inside > /root/note"]);
    const snapshot = await requestSnapshot(cloud.db, { userId: cloud.userId, isAdmin: false, projectId: cloud.projectId }, original.id, "original-snap");
    expect(snapshot.status).toBe("saving");
    await eventually(async () => (await cloud.db.image.findUniqueOrThrow({ where: { id: snapshot.id } })).status === "active", 30_000, "snapshot active");
    expect((await cloud.db.instance.findUniqueOrThrow({ where: { id: original.id } })).taskState).toBeNull();

    const { instances: copies } = await launchInstances(cloud.db, { userId: cloud.userId, projectId: cloud.projectId }, {
      name: "copy",
      imageId: snapshot.id,
      flavorId: cloud.flavorId("m1.tiny"),
      kind: "machine",
    });
    const copy = await active(copies[0].id);
    expect(await execOutput(cloud.docker(copy.host!), copy.containerId!, ["cat", "/root/note"])).toContain("written-inside");
  });

  it("imports an image already on a host", async () => {
    const image = await requestImport(cloud.db, actor, cloud.projectId, { hostId: cloud.hosts[0].id, reference: "berth/ticker:1", name: "imported-ticker" });
    const done = await eventually(async () => {
      const r = await cloud.db.image.findUniqueOrThrow({ where: { id: image.id } });
      return r.status === "active" && r;
    }, 20_000, "imported");
    expect(done.archiveDigest).toMatch(/^[0-9a-f]{64}$/);
    await expect(
      requestImport(cloud.db, actor, cloud.projectId, { hostId: cloud.hosts[0].id, reference: "nothing/here:1", name: "x" }),
    ).rejects.toMatchObject({ fields: { reference: "not on that host" } });
  });

  it("deletes an unused image from the catalogue at once, and from hosts and the store lazily", async () => {
    // An image of its own content: a snapshot of a fresh container, carried to host-1.
    const { instances } = await launchInstances(cloud.db, { userId: cloud.userId, projectId: cloud.projectId }, {
      name: "to-snap",
      imageId: cloud.imageId("busybox"),
      flavorId: cloud.flavorId("m1.tiny"),
      kind: "machine",
    });
    const source = await active(instances[0].id);
    const snap = await requestSnapshot(cloud.db, { userId: cloud.userId, isAdmin: false, projectId: cloud.projectId }, source.id, "short-lived");
    const image = await eventually(async () => {
      const r = await cloud.db.image.findUniqueOrThrow({ where: { id: snap.id }, include: { hosts: true } });
      return r.status === "active" && r;
    }, 30_000, "snapshot active");
    const host = cloud.hosts.find((h) => h.id === image.hosts[0].hostId)!;
    expect(await storeFiles()).toContain(`${image.archiveDigest}.tar`);

    await deleteImage(cloud.db, actor, image.id, cloud.projectId);
    expect((await cloud.db.image.findUniqueOrThrow({ where: { id: image.id } })).status).toBe("deleted");
    await collectDeletedImages(cloud.db);
    expect(await cloud.db.hostImage.count({ where: { imageId: image.id } })).toBe(0);
    await expect(cloud.docker(host).getImage(image.dockerImageId!).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect(await storeFiles()).not.toContain(`${image.archiveDigest}.tar`);
  });
});
