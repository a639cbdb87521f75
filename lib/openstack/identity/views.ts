import { serviceCatalog } from "../catalog";
import { isoMicros } from "../http";
import { DEFAULT_DOMAIN } from "./domain";
import { impliedRoles } from "./roles";
import type { Caller } from "./tokens";

const keystoneTime = (date: Date) => `${isoMicros(date)}Z`;

/** The body Keystone returns with a token: who, which project and roles, until when, and the catalogue. */
export function tokenBody(caller: Caller, origin: string) {
  const token: Record<string, unknown> = {
    methods: caller.methods,
    user: { id: caller.user.id, name: caller.user.username, domain: DEFAULT_DOMAIN, password_expires_at: null },
    // Keystone's audit id: a short, non-secret name of the token for logs.
    audit_ids: [Buffer.from(caller.tokenId.replace(/-/g, ""), "hex").toString("base64url").slice(0, 22)],
    expires_at: keystoneTime(caller.expiresAt),
    issued_at: keystoneTime(caller.issuedAt),
  };
  if (caller.project && caller.role) {
    Object.assign(token, {
      project: { id: caller.project.id, name: caller.project.name, domain: DEFAULT_DOMAIN },
      is_domain: false,
      roles: impliedRoles(caller.role).map((role) => ({ id: role, name: role })),
      catalog: serviceCatalog(origin),
    });
  }
  if (caller.applicationCredential) {
    const { id, name, unrestricted } = caller.applicationCredential;
    token.application_credential = { id, name, restricted: !unrestricted };
  }
  return { token };
}

export function projectView(project: { id: string; name: string; description: string; enabled: boolean }, origin: string) {
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    enabled: project.enabled,
    domain_id: DEFAULT_DOMAIN.id,
    parent_id: DEFAULT_DOMAIN.id,
    is_domain: false,
    tags: [],
    options: {},
    links: { self: `${origin}/identity/v3/projects/${project.id}` },
  };
}

export function userView(user: { id: string; username: string; displayName: string | null; enabled: boolean }, origin: string) {
  return {
    id: user.id,
    name: user.username,
    description: user.displayName ?? "",
    enabled: user.enabled,
    domain_id: DEFAULT_DOMAIN.id,
    default_project_id: null,
    password_expires_at: null,
    options: {},
    links: { self: `${origin}/identity/v3/users/${user.id}` },
  };
}

/** Keystone's list envelope: `{ "<name>": [...], "links": {...} }`. */
export function listBody(name: string, items: unknown[], origin: string, path: string) {
  return { [name]: items, links: { self: `${origin}/identity/v3${path}`, previous: null, next: null } };
}
