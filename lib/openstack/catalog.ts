import { MAX_VERSION, MIN_VERSION } from "./compute/microversion";

/** Where each service is mounted in Berth's own URL space. */
export const MOUNTS = { identity: "/identity", compute: "/compute", image: "/image" } as const;

export type ServiceName = keyof typeof MOUNTS;

export const REGION = "RegionOne";
const INTERFACES = ["public", "internal", "admin"] as const;

const SERVICES = [
  { type: "identity", name: "keystone", path: `${MOUNTS.identity}/v3` },
  { type: "compute", name: "nova", path: `${MOUNTS.compute}/v2.1` },
  { type: "image", name: "glance", path: MOUNTS.image },
] as const;

/**
 * The service catalogue a token carries. Every URL uses the origin the client reached Berth by,
 * so a CLI on another machine gets addresses it can reach.
 */
export function serviceCatalog(origin: string) {
  return SERVICES.map((service) => ({
    id: service.type,
    type: service.type,
    name: service.name,
    endpoints: INTERFACES.map((iface) => ({
      id: `${service.type}-${iface}`,
      interface: iface,
      region: REGION,
      region_id: REGION,
      url: `${origin}${service.path}`,
    })),
  }));
}

/** Keystone's own listing of services and endpoints (`openstack service list`, `endpoint list`). */
export function catalogServices(origin: string) {
  return serviceCatalog(origin).map(({ id, type, name }) => ({ id, type, name, enabled: true, description: "", links: { self: `${origin}${MOUNTS.identity}/v3/services/${id}` } }));
}

export function catalogEndpoints(origin: string) {
  return serviceCatalog(origin).flatMap((service) =>
    service.endpoints.map((e) => ({
      id: e.id,
      interface: e.interface,
      region: e.region,
      region_id: e.region_id,
      service_id: service.id,
      url: e.url,
      enabled: true,
      links: { self: `${origin}${MOUNTS.identity}/v3/endpoints/${e.id}` },
    })),
  );
}

// ---------- Version discovery documents ----------

const KEYSTONE_VERSION = (origin: string) => ({
  id: "v3.14",
  status: "stable",
  updated: "2020-04-07T00:00:00Z",
  links: [{ rel: "self", href: `${origin}${MOUNTS.identity}/v3/` }],
  "media-types": [{ base: "application/json", type: "application/vnd.openstack.identity-v3+json" }],
});

export const identityVersions = (origin: string) => ({ versions: { values: [KEYSTONE_VERSION(origin)] } });
export const identityVersion = (origin: string) => ({ version: KEYSTONE_VERSION(origin) });

const NOVA_VERSION = (origin: string) => ({
  id: "v2.1",
  status: "CURRENT",
  version: MAX_VERSION,
  min_version: MIN_VERSION,
  updated: "2013-07-23T11:33:21Z",
  links: [{ rel: "self", href: `${origin}${MOUNTS.compute}/v2.1/` }],
  "media-types": [{ base: "application/json", type: "application/vnd.openstack.compute+json;version=2.1" }],
});

export const computeVersions = (origin: string) => ({ versions: [NOVA_VERSION(origin)] });
export const computeVersion = (origin: string) => ({ version: NOVA_VERSION(origin) });

/** Glance's minor versions only mark documentation levels; Berth serves the 2.0–2.5 calls it lists. */
const GLANCE_MINORS = [5, 4, 3, 2, 1, 0];

export const imageVersions = (origin: string) => ({
  versions: GLANCE_MINORS.map((minor, i) => ({
    id: `v2.${minor}`,
    status: i === 0 ? "CURRENT" : "SUPPORTED",
    links: [{ rel: "self", href: `${origin}${MOUNTS.image}/v2/` }],
  })),
});
