import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pack } from "tar-stream";
import { describe, expect, it } from "vitest";
import { archiveInspector } from "./archive-inspector";

async function tarOf(entries: Record<string, string>): Promise<Buffer> {
  const p = pack();
  for (const [name, content] of Object.entries(entries)) p.entry({ name }, content);
  p.finalize();
  const chunks: Buffer[] = [];
  for await (const c of p as unknown as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

async function inspect(bytes: Buffer) {
  const { sink, result } = archiveInspector();
  await pipeline(Readable.from([bytes.subarray(0, 700), bytes.subarray(700)]), sink);
  return result();
}

const config = JSON.stringify({ config: { Cmd: ["sh"], ExposedPorts: { "80/tcp": {} } } });
const manifest = (n = 1) =>
  JSON.stringify(Array.from({ length: n }, () => ({ Config: "abc.json", RepoTags: ["x:1"], Layers: ["l1/layer.tar"] })));

describe("archiveInspector", () => {
  it("reads one image's id, tags, command and ports", async () => {
    const facts = await inspect(await tarOf({ "manifest.json": manifest(), "abc.json": config, "l1/layer.tar": "layer" }));
    expect(facts).toMatchObject({ repoTags: ["x:1"], defaultCommand: ["sh"], exposedPorts: ["80/tcp"] });
    expect(facts.dockerImageId).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("refuses what is not a tar archive", async () => {
    await expect(inspect(Buffer.from("hello, this is not a tar file".repeat(40)))).rejects.toThrow("This file is not a tar archive.");
  });

  it("refuses a truncated archive", async () => {
    const whole = await tarOf({ "manifest.json": manifest(), "abc.json": config, "l1/layer.tar": "x".repeat(5000) });
    await expect(inspect(whole.subarray(0, 2000))).rejects.toThrow(/truncated|not a tar/);
  });

  it("refuses archives with no image, several images or missing parts", async () => {
    await expect(inspect(await tarOf({ "other.txt": "x" }))).rejects.toThrow("The archive has no manifest.json");
    await expect(inspect(await tarOf({ "manifest.json": "[]" }))).rejects.toThrow("The archive holds no image.");
    await expect(inspect(await tarOf({ "manifest.json": manifest(2), "abc.json": config, "l1/layer.tar": "l" }))).rejects.toThrow(
      "The archive holds 2 images; upload one image at a time.",
    );
    await expect(inspect(await tarOf({ "manifest.json": manifest(), "abc.json": config }))).rejects.toThrow("1 layer is missing");
  });
});
