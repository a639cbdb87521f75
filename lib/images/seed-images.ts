import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { pack, type Headers } from "tar-stream";

/**
 * Berth's built-in images, made without a registry and without `docker build`: a hand-written
 * `docker save` archive around one layer holding the host's static busybox. Every byte is fixed
 * (times, owners, order), so the same busybox always gives the same archive and the same image id.
 */

export type ImageProperties = { defaultCommand: string[]; kind: "machine" | "application"; description: string };
export type SeedImage = { name: string; ref: string; properties: ImageProperties; exposedPorts?: string[] };

export type BuiltSeedImage = {
  name: string;
  ref: string;
  archivePath: string;
  /** sha256 hex of the archive file */
  archiveDigest: string;
  /** `sha256:<config sha256>`, what Docker reports as the image id on every host */
  dockerImageId: string;
  sizeBytes: number;
  properties: ImageProperties;
};

const TICKER_SCRIPT = 'i=0; while :; do i=$((i+1)); echo "tick $i"; usleep 100000; done';

export const SEED_IMAGES: readonly SeedImage[] = [
  {
    name: "busybox",
    ref: "berth/busybox:1",
    properties: {
      defaultCommand: ["sh"],
      kind: "machine",
      description: "A small Linux userland (BusyBox): shell, coreutils, networking tools.",
    },
  },
  {
    name: "ticker",
    ref: "berth/ticker:1",
    properties: {
      defaultCommand: ["sh", "-c", TICKER_SCRIPT],
      kind: "application",
      description: "Prints a numbered line every 100 ms, forever: handy for watching logs.",
    },
  },
  {
    name: "httpd",
    ref: "berth/httpd:1",
    properties: {
      defaultCommand: ["httpd", "-f", "-p", "80", "-h", "/www"],
      kind: "application",
      description: "BusyBox httpd serving a static page on port 80.",
    },
    exposedPorts: ["80/tcp"],
  },
];

const BUSYBOX = "/bin/busybox";
const CREATED = new Date("2025-01-01T00:00:00Z");
const ROOT_OWNED = { mtime: CREATED, uid: 0, gid: 0, uname: "root", gname: "root" };

const PASSWD = "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";
const GROUP = "root:x:0:\nnogroup:x:65534:\n";
const INDEX_HTML = `<!doctype html>
<html>
  <head><meta charset="utf-8"><title>Berth httpd</title></head>
  <body><h1>Hello from Berth</h1><p>Served by BusyBox httpd in a Berth instance.</p></body>
</html>
`;

type TarEntry = { header: Headers; body?: Buffer | string };

const dir = (name: string, mode = 0o755): TarEntry => ({ header: { name, type: "directory", mode } });
const file = (name: string, body: Buffer | string, mode = 0o644): TarEntry => ({ header: { name, type: "file", mode }, body });
const symlink = (name: string, linkname: string): TarEntry => ({ header: { name, type: "symlink", linkname, mode: 0o777 } });

async function tarOf(entries: TarEntry[]): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => archive.on("end", resolve).on("error", reject));
  for (const { header, body } of entries) archive.entry({ ...ROOT_OWNED, ...header }, body);
  archive.finalize();
  await ended;
  return Buffer.concat(chunks);
}

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

/** Image config architectures use Go's names. */
function dockerArchitecture(arch: string): string {
  return ({ x64: "amd64", ia32: "386", arm64: "arm64", arm: "arm", ppc64: "ppc64le", s390x: "s390x" } as Record<string, string>)[arch] ?? arch;
}

async function buildLayer(): Promise<{ tar: Buffer; digest: string }> {
  const [busybox, list] = await Promise.all([
    readFile(BUSYBOX).catch(() => {
      throw new Error(`${BUSYBOX} is missing: install busybox-static (apt-get install busybox-static).`);
    }),
    promisify(execFile)(BUSYBOX, ["--list"]),
  ]);
  const applets = list.stdout.split("\n").filter((a) => a && a !== "busybox").sort();
  const tar = await tarOf([
    dir("bin/"),
    file("bin/busybox", busybox, 0o755),
    ...applets.map((applet) => symlink(`bin/${applet}`, "busybox")),
    dir("etc/"),
    file("etc/group", GROUP),
    file("etc/passwd", PASSWD),
    dir("root/", 0o700),
    dir("tmp/", 0o1777),
    dir("www/"),
    file("www/index.html", INDEX_HTML),
  ]);
  return { tar, digest: sha256(tar) };
}

export async function buildSeedImage(name: string, outDir: string): Promise<BuiltSeedImage> {
  const seed = SEED_IMAGES.find((s) => s.name === name);
  if (!seed) throw new Error(`No seed image named ${name}; known: ${SEED_IMAGES.map((s) => s.name).join(", ")}`);
  // The three images share this one layer, byte for byte, so a host stores it once.
  const { tar: layerTar, digest: layerDigest } = await buildLayer();

  const config = JSON.stringify({
    architecture: dockerArchitecture(process.arch),
    os: "linux",
    created: CREATED.toISOString(),
    config: {
      Env: ["PATH=/bin"],
      Cmd: seed.properties.defaultCommand,
      WorkingDir: "/",
      ...(seed.exposedPorts && { ExposedPorts: Object.fromEntries(seed.exposedPorts.map((p) => [p, {}])) }),
    },
    rootfs: { type: "layers", diff_ids: [`sha256:${layerDigest}`] },
    history: [{ created: CREATED.toISOString(), created_by: "berth: busybox-static with applet links, /etc, /tmp, /www" }],
  });
  const configDigest = sha256(config);
  const manifest = JSON.stringify([
    { Config: `${configDigest}.json`, RepoTags: [seed.ref], Layers: [`${layerDigest}/layer.tar`] },
  ]);
  const archive = await tarOf([
    dir(`${layerDigest}/`),
    file(`${layerDigest}/layer.tar`, layerTar),
    file(`${configDigest}.json`, config),
    file("manifest.json", manifest),
  ]);

  await mkdir(outDir, { recursive: true });
  const archivePath = path.join(outDir, `${seed.name}.tar`);
  await writeFile(archivePath, archive);
  return {
    name: seed.name,
    ref: seed.ref,
    archivePath,
    archiveDigest: sha256(archive),
    dockerImageId: `sha256:${configDigest}`,
    sizeBytes: archive.length,
    properties: structuredClone(seed.properties),
  };
}
