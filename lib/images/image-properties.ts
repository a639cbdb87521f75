/**
 * An image's `properties` JSON, read with the types Berth writes there. Glance clients may add
 * free-form keys too, so anything of an unexpected shape reads as absent.
 */
export type ImageProperties = {
  kind: "machine" | "application" | null;
  description: string | null;
  /** What the archive runs (ENTRYPOINT + CMD), as it said when stored. */
  archiveCommand: string[] | null;
  /** The owner's replacement for the archive's CMD, used when a launch gives no command. */
  command: string[] | null;
  /** Why the image was killed. */
  error: string | null;
};

function text(value: unknown): string | null {
  return typeof value === "string" && value ? value : null;
}

function words(value: unknown): string[] | null {
  return Array.isArray(value) && value.length && value.every((v) => typeof v === "string") ? value : null;
}

export function imageProperties(properties: unknown): ImageProperties {
  const p = properties && typeof properties === "object" && !Array.isArray(properties) ? (properties as Record<string, unknown>) : {};
  return {
    kind: p.kind === "machine" || p.kind === "application" ? p.kind : null,
    description: text(p.description),
    archiveCommand: words(p.defaultCommand),
    command: words(p.command),
    error: text(p.error),
  };
}
