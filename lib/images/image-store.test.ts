import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImageStore } from "./image-store";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function failingAfter(text: string): Readable {
  return new Readable({
    read() {
      this.push(text);
      this.destroy(new Error("upload cut off"));
    },
  });
}

describe("ImageStore", () => {
  let root: string;
  let store: ImageStore;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "image-store-"));
    store = new ImageStore(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("stores a stream under the sha256 of its content", async () => {
    const stored = await store.putStream(Readable.from(["archive ", "bytes"]));
    expect(stored).toEqual({
      digest: sha256("archive bytes"),
      sizeBytes: 13,
      path: path.join(root, "sha256", `${sha256("archive bytes")}.tar`),
    });
    expect(await store.has(stored.digest)).toBe(true);
    expect(await readFile(store.pathOf(stored.digest), "utf8")).toBe("archive bytes");
  });

  it("stores identical content once", async () => {
    const a = await store.putStream(Readable.from(["same"]));
    const b = await store.putStream(Readable.from(["same"]));
    expect(b).toEqual(a);
    expect(await readdir(path.join(root, "sha256"))).toEqual([`${a.digest}.tar`]);
    expect(await readdir(path.join(root, "incoming"))).toEqual([]);
  });

  it("leaves nothing behind when the upload fails", async () => {
    await expect(store.putStream(failingAfter("partial"))).rejects.toThrow("upload cut off");
    expect(await readdir(path.join(root, "incoming"))).toEqual([]);
    expect(await readdir(path.join(root, "sha256"))).toEqual([]);
  });

  it("opens and removes by digest", async () => {
    const { digest } = await store.putStream(Readable.from(["payload"]));
    const chunks: Buffer[] = [];
    for await (const chunk of store.open(digest)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe("payload");
    await store.remove(digest);
    expect(await store.has(digest)).toBe(false);
    await store.remove(digest);
  });

  it("answers NOT_FOUND for an archive it does not hold", () => {
    expect(() => store.open("0".repeat(64))).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });

  it("refuses anything that is not a digest, so no path can escape the store", () => {
    expect(() => store.pathOf("../../etc/passwd")).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });
});
