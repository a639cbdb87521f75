// The image service with big images, through Berth's real server process (server.ts, production
// build): a 1 GiB `docker save` upload (throughput, and how much memory the server takes on top
// of what it holds at rest), then the transfer of a ~100 MiB image to a host that lacks it.
// Usage: npm run bench:images [-- --port 3106] [-- --dir /tmp/berth-bench-images] [-- --upload-mib 1024] [-- --transfer-mib 100]
// The server runs the Next build in BERTH_NEXT_DIST when set (as is), else .next-bench-images (built when older than its sources).
// The last line is `upload_extra_mb: N transfer_s: N` (MiB above the server's resting RSS; seconds).
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { chmod, mkdir, readFile, rm, stat } from "node:fs/promises";
import http from "node:http";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildIfNeeded } from "@/scripts/lib/build.mjs";
import { startPrivateDaemons, stopAll, stopDaemonsIn } from "@/scripts/lib/dockerd.mjs";
import { startBerthServer, stopLeftoverServer } from "./support/berth-server";
import { cleanup, cleanUpOnSignals, onCleanup } from "./support/cleanup";
import { dockerSaveArchive, repeatedBlock, writeRandomLayer, type SaveArchive } from "./support/docker-save";
import { RssWatch, type RssWindow } from "./support/rss";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "3106" },
    // Fixed, so a run killed with SIGKILL is cleaned up by the next one.
    dir: { type: "string", default: "/tmp/berth-bench-images" },
    "upload-mib": { type: "string", default: "1024" },
    "transfer-mib": { type: "string", default: "100" },
  },
});
const MiB = 1024 ** 2;
const UPLOAD_BYTES = Number(args["upload-mib"]) * MiB;
const TRANSFER_BYTES = Number(args["transfer-mib"]) * MiB;
const BASE = path.resolve(args.dir);
const DATA_DIR = path.join(BASE, "data");
const DOCKER_DIR = path.join(BASE, "docker");
const SERVER_PIDFILE = path.join(BASE, "server.pid");
// This bench's daemon name and subnet on the machine (other benches and tests use berth-b/220, berth-t/200, ...).
const DAEMON = { namePrefix: "berth-g", subnetBase: 245 };
const ADMIN_PASSWORD = randomBytes(12).toString("base64url");

const started = performance.now();
const say = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);
const mib = (bytes: number) => bytes / MiB;

type Uploaded = { id: string; name: string; status: string; sizeBytes: number };

/** POSTs an archive to the upload route as a browser sends a file: streamed, with its Content-Length. */
function upload(url: string, projectId: string, cookie: string, name: string, archive: SaveArchive): Promise<{ image: Uploaded; seconds: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const query = new URLSearchParams({ name, kind: "application" });
    const request = http.request(`${url}/api/projects/${projectId}/images?${query}`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-tar", "content-length": archive.sizeBytes },
    });
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => {
        if (response.statusCode !== 201) return reject(new Error(`upload of ${name}: HTTP ${response.statusCode} ${body}`));
        resolve({ image: (JSON.parse(body) as { image: Uploaded }).image, seconds: (performance.now() - t0) / 1000 });
      });
    });
    request.on("error", reject);
    archive.stream.on("error", (error) => request.destroy(error));
    archive.stream.pipe(request);
  });
}

/**
 * The Next build the server runs: BERTH_NEXT_DIST as the caller built it, or this bench's own
 * .next-bench-images, built when older than its sources (`next build`, 1–2 min).
 */
async function nextBuild(): Promise<string> {
  const given = process.env.BERTH_NEXT_DIST;
  if (given) {
    const builtAt = (await stat(path.join(given, "BUILD_ID"))).mtime;
    say(`using the Next build in ${given} as it is (built ${((Date.now() - builtAt.getTime()) / 60_000).toFixed(0)} min ago)`);
    return given;
  }
  process.env.BERTH_NEXT_DIST = ".next-bench-images";
  say(`Next build in ${process.env.BERTH_NEXT_DIST} (built now if older than its sources)`);
  buildIfNeeded(path.resolve(import.meta.dirname, ".."), say);
  return process.env.BERTH_NEXT_DIST;
}

/** CPU seconds a process has used so far (user + system). */
async function cpuSeconds(pid: number): Promise<number> {
  const line = await readFile(`/proc/${pid}/stat`, "utf8");
  const f = line.slice(line.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** The window as extra MiB over the baseline at each tenth of its duration: shows a plateau or a climb. */
function profile(window: RssWindow, baseline: number): string {
  const end = window.samples.at(-1)!.at;
  const points = Array.from({ length: 11 }, (_, i) => window.samples.find((s) => s.at >= (end * i) / 10) ?? window.samples.at(-1)!);
  return points.map((p) => (p.mib - baseline).toFixed(0)).join(" ");
}

await cleanUpOnSignals();
let uploadExtra = NaN;
let transferSeconds = NaN;
try {
  await stopDaemonsIn(DOCKER_DIR);
  await stopLeftoverServer(SERVER_PIDFILE);
  await rm(BASE, { recursive: true, force: true });
  await mkdir(BASE, { recursive: true });
  // Postgres runs as the `postgres` user when we are root: it must be able to reach its data dir.
  await chmod(BASE, 0o755);
  onCleanup(() => rm(BASE, { recursive: true, force: true }));

  const dist = await nextBuild();

  say("starting PostgreSQL and a private dockerd");
  const { startEmbeddedPostgres } = await import("@/lib/db/embedded-postgres");
  const postgres = await startEmbeddedPostgres(path.join(BASE, "pg"));
  onCleanup(() => postgres.stop());
  const daemons = await startPrivateDaemons({ count: 1, baseDir: DOCKER_DIR, ...DAEMON });
  onCleanup(async () => {
    await stopAll(daemons);
    await rm(daemons[0].execRoot, { recursive: true, force: true });
  });

  say(`starting Berth's server on port ${args.port} (host local = ${daemons[0].endpoint})`);
  const serverEnv = { DATABASE_URL: postgres.url, BERTH_DATA_DIR: DATA_DIR, BERTH_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: "warn" };
  const server = await startBerthServer({
    dist,
    port: Number(args.port),
    pidfile: SERVER_PIDFILE,
    env: { ...serverEnv, DOCKER_HOST: daemons[0].endpoint },
  });
  onCleanup(() => server.stop());

  // Berth's library in this process, on the server's database and image store: to sign in and to
  // drive the transfer. The upload itself goes to the server.
  Object.assign(process.env, serverEnv);
  const { db } = await import("@/lib/db/client");
  const { signIn, SESSION_COOKIE } = await import("@/lib/identity/sessions");
  const { ensureImageOnHost } = await import("@/lib/images/distribute-image");
  const { dockerOf } = await import("@/lib/hosts/host-connection");
  onCleanup(() => db().$disconnect());
  const { token } = await signIn(db(), "admin", ADMIN_PASSWORD, 1);
  const cookie = `${SESSION_COOKIE}=${token}`;
  const project = await db().project.findUniqueOrThrow({ where: { name: "demo" } });
  const send = (name: string, archive: SaveArchive) => upload(server.url, project.id, cookie, name, archive);

  // The first request to a route loads its code; that is not the upload's memory.
  await send("bench-warm-up", dockerSaveArchive({ sizeBytes: MiB, chunks: repeatedBlock(MiB) }, "bench/warm-up:1"));
  const rss = new RssWatch(server.pid);
  const baseline = await rss.baseline();
  const big = dockerSaveArchive({ sizeBytes: UPLOAD_BYTES, chunks: repeatedBlock(UPLOAD_BYTES) }, "bench/upload:1");
  say(`uploading ${mib(big.sizeBytes).toFixed(0)} MiB (layer of ${mib(UPLOAD_BYTES)} MiB); server RSS at rest ${baseline.toFixed(1)} MiB; load average ${loadavg()[0].toFixed(1)}`);
  const cpuBefore = await cpuSeconds(server.pid);
  const clientBefore = process.cpuUsage();
  const { result, window } = await rss.during(() => send("bench-upload", big));
  const cpu = (await cpuSeconds(server.pid)) - cpuBefore;
  const client = process.cpuUsage(clientBefore);
  const peak = Math.max(window.sampledPeak, window.kernelPeak ?? 0);
  uploadExtra = peak - baseline;
  const stored = await db().image.findUniqueOrThrow({ where: { id: result.image.id } });
  if (stored.status !== "active" || Number(stored.sizeBytes) !== big.sizeBytes) {
    throw new Error(`the upload ended as ${stored.status} with ${stored.sizeBytes} bytes stored, not ${big.sizeBytes}`);
  }
  say(`upload: ${mib(big.sizeBytes).toFixed(0)} MiB in ${result.seconds.toFixed(2)} s = ${(mib(big.sizeBytes) / result.seconds).toFixed(1)} MiB/s; CPU: server ${cpu.toFixed(1)} s, this client ${((client.user + client.system) / 1e6).toFixed(1)} s`);
  say(
    `server RSS: baseline ${baseline.toFixed(1)} MiB, peak ${peak.toFixed(1)} MiB (sampled every 50 ms: ${window.sampledPeak.toFixed(1)}; ` +
      `kernel VmHWM: ${window.kernelPeak?.toFixed(1) ?? "not readable"}) → extra ${uploadExtra.toFixed(1)} MiB`,
  );
  // A collection during the upload can free more than the upload takes (the curve dips below 0):
  // peak − lowest is then the better picture of what the upload itself held at once.
  const lowest = Math.min(...window.samples.map((s) => s.mib));
  say(`server RSS above baseline at each tenth of the upload (MiB): ${profile(window, baseline)}; peak − lowest ${(peak - lowest).toFixed(1)} MiB`);

  say(`writing a real ${args["transfer-mib"]} MiB layer and uploading its image`);
  const layerFile = path.join(BASE, "layer.tar");
  const layer = await writeRandomLayer(layerFile, TRANSFER_BYTES);
  const real = dockerSaveArchive({ sizeBytes: layer.sizeBytes, chunks: createReadStream(layerFile), diffId: layer.diffId }, "bench/transfer:1");
  const sent = await send("bench-transfer", real);
  const image = await db().image.findUniqueOrThrow({ where: { id: sent.image.id } });
  const host = await db().host.findUniqueOrThrow({ where: { name: "local" } });
  const docker = dockerOf(host);
  if (image.dockerRef !== real.imageId) throw new Error(`the catalogue names the image ${image.dockerRef}, the archive ${real.imageId}`);
  if (await docker.hasImage(real.imageId)) throw new Error("host local already has the image: nothing to transfer");
  say(`transferring ${mib(real.sizeBytes).toFixed(1)} MiB archive to host local (ensureImageOnHost, as a launch does)`);
  const t0 = performance.now();
  const transferred = await ensureImageOnHost(db(), host, image);
  transferSeconds = (performance.now() - t0) / 1000;
  if (!transferred || !(await docker.hasImage(real.imageId))) throw new Error("the transfer did not put the image on host local");
  say(`transfer: ${transferSeconds.toFixed(2)} s (${(mib(real.sizeBytes) / transferSeconds).toFixed(1)} MiB/s), image ${real.imageId.slice(0, 19)} now on host local`);
} finally {
  await cleanup();
}

console.log(`upload_extra_mb: ${uploadExtra.toFixed(1)} transfer_s: ${transferSeconds.toFixed(2)}`);
