/**
 * Images as Glance v2 shows them. Berth's images are `docker save` archives: container format
 * `docker`, disk format `raw`; the archive's sha256 is `os_hash_value` (Glance's md5 `checksum`
 * is not kept).
 */
export type ImageRecord = {
  id: string;
  name: string;
  status: string;
  visibility: string;
  protected: boolean;
  ownerProjectId: string | null;
  sizeBytes: bigint;
  archiveDigest: string | null;
  minRamMiB: number;
  minDiskGiB: number;
  properties: unknown;
  createdAt: Date;
  updatedAt: Date;
};

/** Properties Berth itself writes, which a client may read but not set. */
export const BERTH_PROPERTIES = ["defaultCommand", "command", "exposedPorts", "repoTags", "source", "instanceId", "instanceName", "error"];

/** Glance's own attributes: never taken as free-form properties. */
export const CORE_ATTRIBUTES = [
  "id", "name", "status", "visibility", "protected", "owner", "size", "virtual_size", "checksum", "os_hash_algo", "os_hash_value",
  "container_format", "disk_format", "min_ram", "min_disk", "created_at", "updated_at", "tags", "self", "file", "schema", "os_hidden",
  "locations", "direct_url", "stores",
];

const GLANCE_STATUS: Record<string, string> = { queued: "queued", saving: "saving", active: "active", killed: "killed", deleted: "deleted" };

/** Glance's properties are strings: lists and numbers Berth keeps are given as JSON. */
function propertyStrings(properties: unknown): Record<string, string> {
  if (!properties || typeof properties !== "object") return {};
  return Object.fromEntries(
    Object.entries(properties as Record<string, unknown>)
      .filter(([key, value]) => value !== null && value !== undefined && !CORE_ATTRIBUTES.includes(key))
      .map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]),
  );
}

const isoTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

export function toImage(image: ImageRecord) {
  return {
    ...propertyStrings(image.properties),
    id: image.id,
    name: image.name,
    status: GLANCE_STATUS[image.status] ?? image.status,
    visibility: image.visibility,
    protected: image.protected,
    owner: image.ownerProjectId,
    size: image.status === "active" ? Number(image.sizeBytes) : null,
    virtual_size: null,
    checksum: null,
    os_hash_algo: image.archiveDigest ? "sha256" : null,
    os_hash_value: image.archiveDigest,
    container_format: "docker",
    disk_format: "raw",
    min_ram: image.minRamMiB,
    min_disk: image.minDiskGiB,
    tags: [],
    created_at: isoTime(image.createdAt),
    updated_at: isoTime(image.updatedAt),
    self: `/v2/images/${image.id}`,
    file: `/v2/images/${image.id}/file`,
    schema: "/v2/schemas/image",
  };
}

/** Berth shares at once (a member never waits to accept) and keeps no times for a share. */
export function toMember(member: { imageId: string; projectId: string }) {
  return { image_id: member.imageId, member_id: member.projectId, status: "accepted", created_at: null, updated_at: null, schema: "/v2/schemas/member" };
}
