import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { extract, type Headers } from "tar-stream";
import { afterAll, describe, expect, it } from "vitest";
import { buildSeedImage, SEED_IMAGES } from "./seed-images";

type Entry = { header: Headers; body: Buffer };

async function entriesOf(tar: Buffer): Promise<Entry[]> {
  const entries: Entry[] = [];
  for await (const entry of Readable.from([tar]).pipe(extract())) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    entries.push({ header: entry.header, body: Buffer.concat(chunks) });
  }
  return entries;
}

const bodyOf = (entries: Entry[], name: string) => entries.find((e) => e.header.name === name)!.body;
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("seed images", async () => {
  const dirs = [await mkdtemp(path.join(tmpdir(), "seed-a-")), await mkdtemp(path.join(tmpdir(), "seed-b-"))];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it("are byte-for-byte reproducible", async () => {
    for (const { name } of SEED_IMAGES) {
      const [a, b] = await Promise.all(dirs.map((dir) => buildSeedImage(name, dir)));
      expect(a.archiveDigest).toBe(b.archiveDigest);
      expect(a.dockerImageId).toBe(b.dockerImageId);
      expect(sha256(await readFile(a.archivePath))).toBe(a.archiveDigest);
      expect((await readFile(a.archivePath)).length).toBe(a.sizeBytes);
    }
  });

  it("build all three quickly", async () => {
    const started = performance.now();
    await Promise.all(SEED_IMAGES.map((s) => buildSeedImage(s.name, dirs[0])));
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("are docker save archives: manifest, config, one layer with busybox and its applets", async () => {
    const built = await buildSeedImage("httpd", dirs[0]);
    expect(built).toMatchObject({ name: "httpd", ref: "berth/httpd:1", properties: { kind: "application" } });

    const archive = await entriesOf(await readFile(built.archivePath));
    const [manifest] = JSON.parse(bodyOf(archive, "manifest.json").toString());
    expect(manifest.RepoTags).toEqual(["berth/httpd:1"]);
    expect(`sha256:${manifest.Config.replace(/\.json$/, "")}`).toBe(built.dockerImageId);

    const configBytes = bodyOf(archive, manifest.Config);
    expect(`sha256:${sha256(configBytes)}`).toBe(built.dockerImageId);
    const config = JSON.parse(configBytes.toString());
    expect(config.config).toMatchObject({
      Env: ["PATH=/bin"],
      Cmd: ["httpd", "-f", "-p", "80", "-h", "/www"],
      ExposedPorts: { "80/tcp": {} },
    });
    const layerTar = bodyOf(archive, manifest.Layers[0]);
    expect(config.rootfs.diff_ids).toEqual([`sha256:${sha256(layerTar)}`]);

    const layer = await entriesOf(layerTar);
    const byName = new Map(layer.map((e) => [e.header.name, e.header]));
    expect(byName.get("bin/busybox")).toMatchObject({ type: "file", mode: 0o755 });
    for (const applet of ["sh", "sleep", "usleep", "httpd", "nc", "wget", "timeout", "ip", "ps"]) {
      expect(byName.get(`bin/${applet}`)).toMatchObject({ type: "symlink", linkname: "busybox" });
    }
    expect(byName.get("tmp/")).toMatchObject({ type: "directory", mode: 0o1777 });
    expect(bodyOf(layer, "etc/passwd").toString()).toMatch(/^root:x:0:0:/);
    expect(bodyOf(layer, "www/index.html").toString()).toContain("Hello from Berth");
    expect(new Set(layer.map((e) => e.header.mtime?.getTime()))).toEqual(new Set([Date.parse("2025-01-01T00:00:00Z")]));
  });

  it("share one layer across images", async () => {
    const layers = await Promise.all(
      SEED_IMAGES.map(async (s) => {
        const archive = await entriesOf(await readFile((await buildSeedImage(s.name, dirs[1])).archivePath));
        return JSON.parse(bodyOf(archive, "manifest.json").toString())[0].Layers[0];
      }),
    );
    expect(new Set(layers).size).toBe(1);
  });

  it("refuses an unknown name", async () => {
    await expect(buildSeedImage("nginx", dirs[0])).rejects.toThrow(/No seed image named nginx/);
  });
});
