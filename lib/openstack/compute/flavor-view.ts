import { atLeast, type Microversion } from "./microversion";
import { extraSpecStrings } from "./server-view";

export type FlavorRecord = { id: string; name: string; vcpus: number; ramMiB: number; diskGiB: number; swapMiB: number; isPublic: boolean; extraSpecs: unknown };

function links(origin: string, id: string) {
  return [
    { rel: "self", href: `${origin}/compute/v2.1/flavors/${id}` },
    { rel: "bookmark", href: `${origin}/compute/flavors/${id}` },
  ];
}

export function toFlavorRef(flavor: Pick<FlavorRecord, "id" | "name">, origin: string, version: Microversion) {
  return { id: flavor.id, name: flavor.name, links: links(origin, flavor.id), ...(atLeast(version, 55) ? { description: null } : {}) };
}

/** A flavor as Nova shows it. Berth has no ephemeral disks and flavors are never disabled. */
export function toFlavor(flavor: FlavorRecord, origin: string, version: Microversion) {
  return {
    id: flavor.id,
    name: flavor.name,
    ram: flavor.ramMiB,
    disk: flavor.diskGiB,
    vcpus: flavor.vcpus,
    // Before 2.75 Nova printed an empty string for no swap.
    swap: flavor.swapMiB || (atLeast(version, 75) ? 0 : ""),
    "OS-FLV-EXT-DATA:ephemeral": 0,
    "OS-FLV-DISABLED:disabled": false,
    "os-flavor-access:is_public": flavor.isPublic,
    rxtx_factor: 1.0,
    links: links(origin, flavor.id),
    ...(atLeast(version, 55) ? { description: null } : {}),
    ...(atLeast(version, 61) ? { extra_specs: extraSpecStrings(flavor.extraSpecs) } : {}),
  };
}
