import { describe, expect, it } from "vitest";
import { toImage } from "./image-view";

const image = {
  id: "i1",
  name: "busybox",
  status: "active",
  visibility: "public",
  protected: false,
  ownerProjectId: null,
  sizeBytes: 2_134_528n,
  archiveDigest: "ab".repeat(32),
  minRamMiB: 0,
  minDiskGiB: 1,
  properties: { kind: "machine", defaultCommand: ["sh"], description: "A shell", status: "spoofed" },
  createdAt: new Date("2026-11-23T10:00:00.5Z"),
  updatedAt: new Date("2026-11-23T10:00:01Z"),
};

describe("Glance's view of an image", () => {
  it("is a docker archive with its sha256, and string properties", () => {
    expect(toImage(image)).toEqual({
      id: "i1",
      name: "busybox",
      status: "active",
      visibility: "public",
      protected: false,
      owner: null,
      size: 2_134_528,
      virtual_size: null,
      checksum: null,
      os_hash_algo: "sha256",
      os_hash_value: "ab".repeat(32),
      container_format: "docker",
      disk_format: "raw",
      min_ram: 0,
      min_disk: 1,
      tags: [],
      created_at: "2026-11-23T10:00:00Z",
      updated_at: "2026-11-23T10:00:01Z",
      self: "/v2/images/i1",
      file: "/v2/images/i1/file",
      schema: "/v2/schemas/image",
      kind: "machine",
      defaultCommand: '["sh"]',
      description: "A shell",
    });
  });

  it("has no size until the data is in", () => {
    expect(toImage({ ...image, status: "queued", archiveDigest: null }).size).toBeNull();
  });
});
