/** Berth has one domain; Keystone clients name it `default` (id) or `Default` (name). */
export const DEFAULT_DOMAIN = { id: "default", name: "Default" } as const;

export function domainRef(origin: string) {
  return { ...DEFAULT_DOMAIN, description: "Berth's only domain", enabled: true, tags: [], options: {}, links: { self: `${origin}/identity/v3/domains/default` } };
}

/** True for a reference to the default domain, or for no reference at all. */
export function isDefaultDomain(ref: unknown): boolean {
  if (ref === undefined || ref === null) return true;
  if (typeof ref !== "object") return false;
  const { id, name } = ref as { id?: unknown; name?: unknown };
  if (id !== undefined) return id === DEFAULT_DOMAIN.id;
  if (name !== undefined) return typeof name === "string" && name.toLowerCase() === DEFAULT_DOMAIN.name.toLowerCase();
  return true;
}

/** A `domain_id` filter or field: only the default domain holds anything. */
export function isDefaultDomainId(id: string | null | undefined): boolean {
  return id === undefined || id === null || id === DEFAULT_DOMAIN.id;
}
