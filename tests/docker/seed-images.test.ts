import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type Dockerode from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DockerHost, LogChunk } from "@/lib/docker/client";
import { berthLabels, LABELS } from "@/lib/docker/labels";
import { buildSeedImage, SEED_IMAGES, type BuiltSeedImage } from "@/lib/images/seed-images";
import { acquireDockerHosts, type TestDockerHosts } from "../support/docker-hosts";

const textOf = (chunks: LogChunk[], stream?: LogChunk["stream"]) =>
  chunks.filter((c) => !stream || c.stream === stream).map((c) => c.text).join("");

/** Reads a followed log stream until `enough` says so or it ends. */
async function readFollowed(stream: Readable, enough: (text: string) => boolean = () => false): Promise<LogChunk[]> {
  const chunks: LogChunk[] = [];
  for await (const chunk of stream as AsyncIterable<LogChunk>) {
    chunks.push(chunk);
    if (enough(textOf(chunks))) break;
  }
  stream.destroy();
  return chunks;
}

function httpGet(url: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${url}: no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
  });
}

async function eventually<T>(attempt: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe("seed images on real engines", () => {
  let engines: TestDockerHosts;
  let first: DockerHost;
  let second: DockerHost;
  let workDir: string;
  const built = new Map<string, BuiltSeedImage>();
  const created: { host: DockerHost; container: Dockerode.Container }[] = [];
  const instanceId = `it-${process.pid}-${Date.now()}`;

  async function launch(host: DockerHost, image: string, options: Partial<Dockerode.ContainerCreateOptions> = {}) {
    const container = await host.docker.createContainer({
      Image: built.get(image)!.ref,
      Labels: berthLabels({ instanceId, projectId: "it-project" }),
      ...options,
      HostConfig: { Init: true, ...options.HostConfig },
    });
    created.push({ host, container });
    await container.start();
    return container;
  }

  beforeAll(async () => {
    engines = await acquireDockerHosts(2);
    [first, second] = engines.hosts;
    workDir = await mkdtemp(path.join(tmpdir(), "berth-seed-it-"));
    for (const seed of SEED_IMAGES) built.set(seed.name, await buildSeedImage(seed.name, workDir));
    for (const host of engines.hosts) for (const { ref } of built.values()) await host.removeImage(ref, { force: true });
  });

  afterAll(async () => {
    await Promise.all(created.map(({ container }) => container.remove({ force: true }).catch(() => undefined)));
    for (const host of engines?.hosts ?? []) for (const { ref } of built.values()) await host.removeImage(ref, { force: true });
    await engines?.release();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("loads the hand-made archives; Docker's image id is the one computed at build time", async () => {
    for (const image of built.values()) {
      expect(await first.hasImage(image.ref)).toBe(false);
      await first.loadImage(createReadStream(image.archivePath));
      expect(await first.hasImage(image.ref)).toBe(true);
      expect((await first.docker.getImage(image.ref).inspect()).Id).toBe(image.dockerImageId);
    }
  });

  it("refuses an archive Docker cannot load", async () => {
    await expect(first.loadImage(Readable.from([Buffer.alloc(2048, 7)]))).rejects.toMatchObject({ code: "DOCKER_ERROR" });
  });

  it("tells an unreadable archive apart from a failing host", async () => {
    await expect(first.loadImage(createReadStream(path.join(workDir, "missing.tar")))).rejects.toMatchObject({
      code: "INTERNAL",
      message: expect.stringMatching(/Reading the image archive failed: ENOENT/),
    });
  });

  it("runs echo hi in busybox and gives back its output, demultiplexed", async () => {
    const container = await launch(first, "busybox", { Cmd: ["sh", "-c", "echo hi; echo oops >&2"] });
    expect(await container.wait()).toMatchObject({ StatusCode: 0 });
    const logs = await first.logs(container.id);
    expect(textOf(logs, "stdout")).toBe("hi\n");
    expect(textOf(logs, "stderr")).toBe("oops\n");
  });

  it("reads a TTY container's output as it is", async () => {
    const container = await launch(first, "busybox", { Cmd: ["echo", "hi"], Tty: true });
    await container.wait();
    expect(await first.logs(container.id)).toEqual([{ stream: "stdout", text: "hi\r\n" }]);
  });

  it("follows output until the container exits", async () => {
    const container = await launch(first, "busybox", { Cmd: ["sh", "-c", "echo one; sleep 0.3; echo two >&2; echo three"] });
    const chunks = await readFollowed(await first.logs(container.id, { follow: true }));
    // Docker copies stdout and stderr separately, so only the order within each stream is certain.
    expect(textOf(chunks, "stdout")).toBe("one\nthree\n");
    expect(textOf(chunks, "stderr")).toBe("two\n");
  });

  it("ticker prints numbered lines, and tail/follow see the newest", async () => {
    const container = await launch(first, "ticker");
    const sofar = await eventually(async () => {
      const text = textOf(await first.logs(container.id));
      if (!text.includes("tick 3\n")) throw new Error(`not yet: ${JSON.stringify(text)}`);
      return text;
    }, 5_000);
    expect(sofar).toMatch(/^tick 1\ntick 2\ntick 3\n/);

    const [last] = await first.logs(container.id, { tail: 1 });
    const lastTick = Number(/^tick (\d+)\n$/.exec(last.text)?.[1]);
    expect(lastTick).toBeGreaterThanOrEqual(3);

    const followed = textOf(await readFollowed(await first.logs(container.id, { follow: true, tail: 0 }), (t) => t.split("\n").length > 3));
    const numbers = followed.trim().split("\n").map((line) => Number(/^tick (\d+)$/.exec(line)?.[1]));
    expect(numbers[0]).toBeGreaterThan(lastTick);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0] + i));
  });

  it("httpd serves its page on the container's bridge address", async () => {
    const container = await launch(first, "httpd");
    const address = (await container.inspect()).NetworkSettings.Networks.bridge.IPAddress;
    expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const page = await eventually(() => httpGet(`http://${address}/`, 2_000), 5_000);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Hello from Berth");
  });

  it("lists only the containers Berth labelled", async () => {
    const labelled = await launch(first, "busybox", { Cmd: ["true"] });
    const foreign = await first.docker.createContainer({ Image: built.get("busybox")!.ref, Cmd: ["true"] });
    created.push({ host: first, container: foreign });
    const managed = await first.listManagedContainers();
    const ids = managed.map((c) => c.Id);
    expect(ids).toContain(labelled.id);
    expect(ids).not.toContain(foreign.id);
    expect(managed.find((c) => c.Id === labelled.id)?.Labels).toMatchObject({ [LABELS.managed]: "true", [LABELS.instance]: instanceId });
  });

  it("answers NOT_FOUND for the logs of a container that does not exist", async () => {
    await expect(first.logs("berth-no-such-container")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("moves an image from one engine to another: save, then load", async () => {
    const { ref, dockerImageId } = built.get("busybox")!;
    expect(await second.hasImage(ref)).toBe(false);
    await second.loadImage(await first.saveImage(ref));
    expect((await second.docker.getImage(ref).inspect()).Id).toBe(dockerImageId);
    const container = await launch(second, "busybox", { Cmd: ["echo", "moved"] });
    await container.wait();
    expect(textOf(await second.logs(container.id))).toBe("moved\n");
  });

  it("answers NOT_FOUND when saving an image the engine does not have", async () => {
    await expect(second.saveImage("berth/no-such-image:1")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
