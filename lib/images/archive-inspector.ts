import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { extract } from "tar-stream";

export type ArchiveFacts = {
  /** `sha256:<hex>` of the image config: Docker's image id on every host */
  dockerImageId: string;
  repoTags: string[];
  defaultCommand: string[] | null;
  exposedPorts: string[];
};

type ManifestEntry = { Config?: string; RepoTags?: string[] | null; Layers?: string[] };

const SMALL_FILE_LIMIT = 8 * 1024 * 1024; // manifest and config are a few KiB; anything bigger is not one of them

/**
 * Reads a `docker save` archive as it streams past, keeping only its small JSON files, and
 * checks it holds exactly one image whose config and layers are all present. Never buffers a
 * layer, so it can watch a multi-GiB upload. `result()` rejects with a sentence fit for users.
 */
export function archiveInspector(): { sink: Writable; result: () => Promise<ArchiveFacts> } {
  const files = new Map<string, Buffer>();
  const names = new Set<string>();
  const parser = extract();
  let failure: Error | null = null;

  parser.on("entry", (header, stream, next) => {
    names.add(normalise(header.name));
    const keep = header.type === "file" && (header.size ?? 0) <= SMALL_FILE_LIMIT && /(^|\/)(manifest\.json|[^/]+\.json|blobs\/sha256\/[0-9a-f]{64})$/.test(normalise(header.name));
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => keep && chunks.push(c));
    // A truncated entry errors here and on the parser; the parser's error is the one reported.
    stream.on("error", () => undefined);
    stream.on("end", () => {
      if (keep) files.set(normalise(header.name), Buffer.concat(chunks));
      next();
    });
    stream.resume();
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on("finish", resolve);
    parser.on("error", (error: Error) => {
      failure = new Error(describeTarError(error));
      reject(failure);
    });
  });
  done.catch(() => undefined);

  // Fails the upload as soon as the bytes stop looking like a tar archive.
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      if (failure) return callback(failure);
      if (parser.write(chunk)) callback();
      else parser.once("drain", () => callback(failure ?? undefined));
    },
    final(callback) {
      if (failure) return callback(failure);
      parser.end();
      done.then(() => callback(), () => callback(failure!));
    },
  });

  const result = async (): Promise<ArchiveFacts> => {
    await done;
    return factsOf(files, names);
  };
  return { sink, result };
}

function normalise(name: string): string {
  return name.replace(/^\.\//, "");
}

function describeTarError(error: Error): string {
  if (/unexpected end|truncated/i.test(error.message)) return "The archive is truncated: it ends in the middle of a file. Upload the whole `docker save` output.";
  return "This file is not a tar archive. Upload the output of `docker save` (a .tar file).";
}

export function factsOf(files: Map<string, Buffer>, names: Set<string>): ArchiveFacts {
  const manifestFile = files.get("manifest.json");
  if (!manifestFile) throw new Error("The archive has no manifest.json: it is not a `docker save` archive.");
  let manifest: ManifestEntry[];
  try {
    manifest = JSON.parse(manifestFile.toString("utf8"));
  } catch {
    throw new Error("The archive's manifest.json is not valid JSON.");
  }
  if (!Array.isArray(manifest) || manifest.length === 0) throw new Error("The archive holds no image.");
  if (manifest.length > 1) throw new Error(`The archive holds ${manifest.length} images; upload one image at a time.`);
  const [entry] = manifest;
  if (!entry.Config || !files.has(normalise(entry.Config))) throw new Error("The archive's image config is missing.");
  const missing = (entry.Layers ?? []).filter((l) => !names.has(normalise(l)));
  if (missing.length) throw new Error(`The archive is incomplete: ${missing.length} layer${missing.length === 1 ? " is" : "s are"} missing.`);
  const configBytes = files.get(normalise(entry.Config))!;
  let config: { config?: { Cmd?: string[] | null; Entrypoint?: string[] | null; ExposedPorts?: Record<string, unknown> } };
  try {
    config = JSON.parse(configBytes.toString("utf8"));
  } catch {
    throw new Error("The archive's image config is not valid JSON.");
  }
  const cmd = [...(config.config?.Entrypoint ?? []), ...(config.config?.Cmd ?? [])];
  return {
    dockerImageId: `sha256:${createHash("sha256").update(configBytes).digest("hex")}`,
    repoTags: entry.RepoTags ?? [],
    defaultCommand: cmd.length ? cmd : null,
    exposedPorts: Object.keys(config.config?.ExposedPorts ?? {}),
  };
}
