/**
 * Every permission Berth checks, and which roles hold it. The server's action client and the
 * UI's gating both read this one table. `admin` is the cloud-wide role; `member` and `reader`
 * are per project.
 */
export type Role = "admin" | "member" | "reader";

const READ: Role[] = ["admin", "member", "reader"];
const OPERATE: Role[] = ["admin", "member"];
const ADMIN: Role[] = ["admin"];

export const PERMISSIONS = {
  "project:view": READ,
  "instance:launch": OPERATE,
  "instance:start": OPERATE,
  "instance:stop": OPERATE,
  "instance:reboot": OPERATE,
  "instance:pause": OPERATE,
  "instance:rebuild": OPERATE,
  "instance:resize": OPERATE,
  "instance:lock": OPERATE,
  "instance:rename": OPERATE,
  "instance:delete": OPERATE,
  "instance:console": OPERATE,
  "instance:logs": READ,
  "instance:snapshot": OPERATE,
  "image:upload": OPERATE,
  "image:update": OPERATE,
  "image:delete": OPERATE,
  "network:manage": OPERATE,
  "port:publish": OPERATE,
  "instance:reset-state": ADMIN,
  "instance:migrate": ADMIN,
  "instance:evacuate": ADMIN,
  "quota:update": ADMIN,
  "host:manage": ADMIN,
  "flavor:manage": ADMIN,
  "image:manage-all": ADMIN,
  "project:manage": ADMIN,
  "user:manage": ADMIN,
  "usage:view-all": ADMIN,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The permissions a role holds, for handing to the browser to gate buttons. */
export function permissionsOf(role: Role | null | undefined): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}
