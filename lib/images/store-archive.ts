import "server-only";
import { Transform } from "node:stream";
import type { Db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { archiveInspector, type ArchiveFacts } from "./archive-inspector";
import { ImageStore, type StoredArchive } from "./image-store";

export const DEFAULT_MAX_IMAGE_BYTES = 20 * 1024 ** 3;

/**
 * Streams an archive into the image store while checking, in the same pass, that it is a
 * `docker save` archive of exactly one image and within the size limit. On any failure nothing
 * stays in the store. Memory use is a few chunks, whatever the archive's size.
 */
export async function storeArchive(
  db: Db,
  source: NodeJS.ReadableStream,
  maxBytes = DEFAULT_MAX_IMAGE_BYTES,
): Promise<StoredArchive & { facts: ArchiveFacts }> {
  const inspector = archiveInspector();
  // Its failures reach us through write callbacks; the event would otherwise go unhandled.
  inspector.sink.on("error", () => undefined);
  let seen = 0;
  const checked = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes) {
        return callback(new BerthError("INVALID_INPUT", `The archive is larger than the limit of ${formatBytes(maxBytes)}.`, { file: "too large" }));
      }
      inspector.sink.write(chunk, (error) => (error ? callback(asInvalid(error)) : callback(null, chunk)));
    },
    flush(callback) {
      inspector.sink.end((error?: Error | null) => callback(error ? asInvalid(error) : null));
    },
  });
  source.on("error", (error) => checked.destroy(error));
  // The pipeline below reports the first failure; a second one (the parser's, arriving after the
  // pipeline has let go of the stream) must not become an uncaught exception.
  checked.on("error", () => undefined);
  const store = new ImageStore();
  const stored = await store.putStream(source.pipe(checked));
  try {
    return { ...stored, facts: await inspector.result() };
  } catch (error) {
    await removeIfUnused(db, store, stored.digest);
    throw asInvalid(error as Error);
  }
}

/** Only content no other image points at may go: the store is shared by identical uploads. */
export async function removeIfUnused(db: Db, store: ImageStore, digest: string) {
  const users = await db.image.count({ where: { archiveDigest: digest, status: { in: ["active", "saving", "queued"] } } });
  if (!users) await store.remove(digest);
}

function asInvalid(error: Error): BerthError {
  return error instanceof BerthError ? error : new BerthError("INVALID_INPUT", error.message, { file: error.message });
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(n % 1024 ** 3 ? 1 : 0)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(0)} MiB`;
  return `${n} bytes`;
}
