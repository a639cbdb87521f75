import { readFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateImage } from "@/lib/images/manage-images";
import { buildSeedImage } from "@/lib/images/seed-images";
import { uploadImage } from "@/lib/images/upload-image";
import { newImageFromQuery, newImageQuery } from "@/lib/images/upload-schema";
import { launchInstances } from "@/lib/instances/launch-instances";
import { startCloud, type Cloud } from "../support/cloud";

let cloud: Cloud;
let actor: { id: string; username: string };
let archive: Buffer;
let otherProjectId: string;

beforeAll(async () => {
  cloud = await startCloud({ hosts: 1, services: false });
  actor = { id: cloud.userId, username: "admin" };
  archive = await readFile((await buildSeedImage("ticker", path.join(process.env.BERTH_DATA_DIR!, "archives"))).archivePath);
  otherProjectId = (await cloud.db.project.create({ data: { name: "other" } })).id;
});
afterAll(() => cloud?.stop());

const upload = (projectId: string, query: URLSearchParams) => uploadImage(cloud.db, actor, projectId, newImageFromQuery(query), Readable.from([archive]));

describe("image metadata", () => {
  it("takes a default command with an upload (one query parameter per argument) and launches with it when the launch gives none", async () => {
    const command = ["sh", "-c", "echo from the image; sleep 5"];
    const image = await upload(cloud.projectId, newImageQuery({ name: "with-command", kind: "machine", minRamMiB: 16, command }));
    expect(image).toMatchObject({ status: "active", minRamMiB: 16 });
    expect(image.properties).toMatchObject({ kind: "machine", command, defaultCommand: ["sh", "-c", expect.stringContaining("tick")] });

    const launch = (extra: object) =>
      launchInstances(cloud.db, { userId: cloud.userId, projectId: cloud.projectId }, { name: "cmd", imageId: image.id, flavorId: cloud.flavorId("m1.tiny"), kind: "application", ...extra });
    const [plain, own, entrypoint] = await Promise.all([launch({}), launch({ command: ["true"] }), launch({ entrypoint: ["/bin/sh"] })]);
    expect(plain.instances[0].command).toEqual(command);
    expect(own.instances[0].command).toEqual(["true"]);
    // A new entrypoint drops the image's CMD in Docker; the image's command goes with it.
    expect(entrypoint.instances[0].command).toBeNull();
  });

  it("lets the owner change kind and command (kept in properties beside the archive's facts) and clear the command", async () => {
    const image = await upload(cloud.projectId, newImageQuery({ name: "editable" }));
    const edited = await updateImage(cloud.db, actor, image.id, cloud.projectId, { kind: "machine", command: ["sh"], minDiskGiB: 2 });
    expect(edited).toMatchObject({ minDiskGiB: 2, properties: { kind: "machine", command: ["sh"], source: "upload", repoTags: ["berth/ticker:1"] } });
    const cleared = await updateImage(cloud.db, actor, image.id, cloud.projectId, { command: null });
    expect(cleared.properties).not.toHaveProperty("command");
    expect(cleared.properties).toMatchObject({ kind: "machine" });
  });

  it("finds another project's image not found, and refuses a name the project already uses", async () => {
    const image = await upload(otherProjectId, newImageQuery({ name: "theirs" }));
    await expect(updateImage(cloud.db, actor, image.id, cloud.projectId, { name: "mine now" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateImage(cloud.db, actor, image.id, otherProjectId, { name: "with-command" })).resolves.toMatchObject({ name: "with-command" });
    const second = await upload(otherProjectId, newImageQuery({ name: "theirs-too" }));
    await expect(updateImage(cloud.db, actor, second.id, otherProjectId, { name: "with-command" })).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { name: "already in use" },
    });
  });

  it("keeps an image public that an admin made public, but does not let a project make one public", async () => {
    const image = await upload(cloud.projectId, newImageQuery({ name: "to-publish" }));
    await expect(updateImage(cloud.db, actor, image.id, cloud.projectId, { visibility: "public" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      fields: { visibility: "admins only" },
    });
    await updateImage(cloud.db, actor, image.id, null, { visibility: "public" });
    await expect(updateImage(cloud.db, actor, image.id, cloud.projectId, { visibility: "public", minRamMiB: 8 })).resolves.toMatchObject({
      visibility: "public",
      minRamMiB: 8,
    });
  });
});
