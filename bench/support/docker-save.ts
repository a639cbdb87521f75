import { createHash, randomBytes, randomFillSync } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pack as tarPack } from "tar-stream";

type Sink = { write(chunk: Buffer): boolean; end(): void; once(event: "drain", listener: () => void): unknown };

const BLOCK = 512;
const MiB = 1024 ** 2;

/** Bytes a tar takes for files of these sizes: a header block each, data padded to blocks, two zero blocks at the end. */
const tarSize = (sizes: number[]) => sizes.reduce((sum, size) => sum + BLOCK + Math.ceil(size / BLOCK) * BLOCK, 0) + 2 * BLOCK;

/** Writes chunks into a tar entry (or any sink) at the pace it accepts them, then ends it. */
async function writeAll(sink: Sink, chunks: Iterable<Buffer> | AsyncIterable<Buffer>): Promise<void> {
  for await (const chunk of chunks) {
    if (!sink.write(chunk)) await once(sink as unknown as NodeJS.EventEmitter, "drain");
  }
  sink.end();
}

/** `total` bytes as one random MiB over and over: generating them costs next to nothing. */
export function* repeatedBlock(total: number): Generator<Buffer> {
  const block = randomBytes(MiB);
  for (let left = total; left > 0; left -= block.length) yield left >= block.length ? block : block.subarray(0, left);
}

/** `total` bytes that are random throughout, so no layer of the chain can dedupe or compress them. */
function* freshRandom(total: number): Generator<Buffer> {
  for (let left = total; left > 0; left -= MiB) yield randomFillSync(Buffer.allocUnsafe(Math.min(MiB, left)));
}

export type SaveArchive = { stream: Readable; sizeBytes: number; imageId: string };

/**
 * One image laid out as `docker save` writes it, streamed: `<id>/layer.tar`, then the config
 * `<digest>.json`, then `manifest.json` last (so an upload validator only learns what the archive
 * holds at its very end). `diffId` is the layer's sha256 when it is a real tar; without it the
 * config lists no diff_ids and Docker would refuse to load the archive.
 */
export function dockerSaveArchive(layer: { sizeBytes: number; chunks: Iterable<Buffer> | AsyncIterable<Buffer>; diffId?: string }, tag: string): SaveArchive {
  const config = Buffer.from(
    JSON.stringify({
      architecture: "amd64",
      os: "linux",
      created: "2026-11-23T00:00:00Z",
      config: { Env: ["PATH=/"] },
      rootfs: { type: "layers", diff_ids: layer.diffId ? [layer.diffId] : [] },
    }),
  );
  const configHex = createHash("sha256").update(config).digest("hex");
  const layerDir = randomBytes(32).toString("hex");
  const manifest = Buffer.from(JSON.stringify([{ Config: `${configHex}.json`, RepoTags: [tag], Layers: [`${layerDir}/layer.tar`] }]));

  const pack = tarPack();
  const entry = pack.entry({ name: `${layerDir}/layer.tar`, size: layer.sizeBytes });
  writeAll(entry, layer.chunks).catch((error: Error) => pack.destroy(error));
  pack.entry({ name: `${configHex}.json` }, config);
  pack.entry({ name: "manifest.json" }, manifest);
  pack.finalize();
  return {
    stream: Readable.from(pack, { objectMode: false }),
    sizeBytes: tarSize([layer.sizeBytes, config.length, manifest.length]),
    imageId: `sha256:${configHex}`,
  };
}

/**
 * A real layer: a tar holding one file `payload.bin` of `payloadBytes` random bytes, written to
 * `file`. Returns its size and its sha256 (the diff_id Docker checks on load).
 */
export async function writeRandomLayer(file: string, payloadBytes: number): Promise<{ sizeBytes: number; diffId: string }> {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  const inner = tarPack();
  const entry = inner.entry({ name: "payload.bin", size: payloadBytes, mode: 0o644 });
  writeAll(entry, freshRandom(payloadBytes)).catch((error: Error) => inner.destroy(error));
  inner.finalize();
  await pipeline(
    Readable.from(inner, { objectMode: false }),
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        sizeBytes += chunk.length;
        done(null, chunk);
      },
    }),
    createWriteStream(file),
  );
  return { sizeBytes, diffId: `sha256:${hash.digest("hex")}` };
}
