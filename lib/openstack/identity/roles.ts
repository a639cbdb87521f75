import type { Role } from "@/lib/identity/permissions";

/**
 * Berth's roles as Keystone roles. Keystone's defaults imply each other (admin ⊃ member ⊃
 * reader) and a token lists the implied ones too; Berth's role ids are their names.
 */
export const KEYSTONE_ROLES = ["admin", "member", "reader"] as const satisfies readonly Role[];

const RANK: Record<Role, number> = { reader: 0, member: 1, admin: 2 };

export function isKeystoneRole(name: string): name is Role {
  return (KEYSTONE_ROLES as readonly string[]).includes(name);
}

/** The roles a token with this Berth role lists. */
export function impliedRoles(role: Role): Role[] {
  return KEYSTONE_ROLES.filter((r) => RANK[r] <= RANK[role]);
}

/** The smaller of two roles: an application credential never does more than its user can now. */
export function lesserRole(a: Role, b: Role | null | undefined): Role {
  return b && RANK[b] < RANK[a] ? b : a;
}

export function roleAtLeast(role: Role, wanted: Role): boolean {
  return RANK[role] >= RANK[wanted];
}

export function roleRef(role: Role, origin: string) {
  return { id: role, name: role, domain_id: null, description: null, options: {}, links: { self: `${origin}/identity/v3/roles/${role}` } };
}
