import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, type ReadStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { env } from "@/lib/env";
import { BerthError } from "@/lib/errors";

export type StoredArchive = { digest: string; sizeBytes: number; path: string };

const DIGEST = /^[0-9a-f]{64}$/;

export function defaultImageStoreRoot(): string {
  const config = env();
  return config.BERTH_IMAGE_STORE ?? path.join(config.BERTH_DATA_DIR, "images");
}

/**
 * Image archives (`docker save` tars) on disk, named by the sha256 of their content:
 * `<root>/sha256/<digest>.tar`. The same content is stored once, whoever uploads it.
 */
export class ImageStore {
  readonly root: string;

  constructor(root = defaultImageStoreRoot()) {
    this.root = path.resolve(root);
  }

  /** Streams into a temporary file while hashing, then moves it under its digest; nothing is left behind on failure. */
  async putStream(source: NodeJS.ReadableStream): Promise<StoredArchive> {
    const incoming = path.join(this.root, "incoming");
    await mkdir(incoming, { recursive: true });
    await mkdir(path.join(this.root, "sha256"), { recursive: true });
    const temp = path.join(incoming, `${randomBytes(8).toString("hex")}.part`);
    const hash = createHash("sha256");
    let sizeBytes = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        sizeBytes += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, hashing, createWriteStream(temp));
      const digest = hash.digest("hex");
      // rename replaces an existing copy atomically, and that copy has the same bytes.
      await rename(temp, this.pathOf(digest));
      return { digest, sizeBytes, path: this.pathOf(digest) };
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  pathOf(digest: string): string {
    if (!DIGEST.test(digest)) {
      throw new BerthError("INVALID_INPUT", `Not an image archive digest: ${digest}`, { digest: "expected 64 hex digits" });
    }
    return path.join(this.root, "sha256", `${digest}.tar`);
  }

  async has(digest: string): Promise<boolean> {
    return stat(this.pathOf(digest)).then(
      () => true,
      () => false,
    );
  }

  open(digest: string): ReadStream {
    const file = this.pathOf(digest);
    if (!existsSync(file)) throw new BerthError("NOT_FOUND", `Image archive ${digest} is not in the image store.`);
    return createReadStream(file);
  }

  async remove(digest: string): Promise<void> {
    await rm(this.pathOf(digest), { force: true });
  }
}
