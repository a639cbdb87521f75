/**
 * IPv4 subnet arithmetic for project networks, as pure functions. Berth hands each realisation
 * of an automatic network its own /24 from a pool, so no two networks on one host ever overlap;
 * in a subnet, the gateway is the first address, instances get fixed addresses from the lower
 * half and Docker's own allocations (port forwarders) come from the upper half.
 */

export type Subnet = { base: number; prefix: number };

export const DEFAULT_POOL = "10.128.0.0/13";
const AUTOMATIC_PREFIX = 24;
const MIN_PREFIX = 16;
const MAX_PREFIX = 28;

function toInt(address: string): number | null {
  const parts = address.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function toAddress(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

const size = (s: Subnet) => 2 ** (32 - s.prefix);

/** `10.1.2.0/24` → its base and prefix; null when it is not a network address in CIDR form. */
export function parseCidr(cidr: string): Subnet | null {
  const match = /^([\d.]+)\/(\d{1,2})$/.exec(cidr.trim());
  if (!match) return null;
  const base = toInt(match[1]);
  const prefix = Number(match[2]);
  if (base === null || prefix > 32) return null;
  if (base % 2 ** (32 - prefix) !== 0) return null;
  return { base, prefix };
}

function formatCidr(s: Subnet): string {
  return `${toAddress(s.base)}/${s.prefix}`;
}

export function overlaps(a: Subnet, b: Subnet): boolean {
  return a.base < b.base + size(b) && b.base < a.base + size(a);
}

const PRIVATE: Subnet[] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map((c) => parseCidr(c)!);

/** Why a user's subnet cannot be used (as a sentence), or null when it can. */
export function subnetProblem(cidr: string): string | null {
  const s = parseCidr(cidr);
  if (!s) return "must be a network address in CIDR form, e.g. 10.20.0.0/24 (the host bits zero)";
  if (s.prefix < MIN_PREFIX || s.prefix > MAX_PREFIX) return `must be between /${MIN_PREFIX} and /${MAX_PREFIX}`;
  if (!PRIVATE.some((p) => p.prefix <= s.prefix && overlaps(p, s))) return "must be in a private range: 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16";
  return null;
}

/** The first /24 of `pool` that overlaps none of `taken`, or null when the pool is full. */
export function freeSubnet(pool: string, taken: string[]): string | null {
  const p = parseCidr(pool);
  if (!p) throw new Error(`BERTH_NETWORK_POOL ${pool} is not a CIDR network`);
  const used = taken.map(parseCidr).filter((s): s is Subnet => !!s).sort((a, b) => a.base - b.base);
  const step = 2 ** (32 - AUTOMATIC_PREFIX);
  for (let base = p.base; base + step <= p.base + size(p); base += step) {
    const candidate = { base, prefix: AUTOMATIC_PREFIX };
    const clash = used.find((u) => overlaps(u, candidate));
    if (!clash) return formatCidr(candidate);
    // Jump past the clashing subnet rather than walking it /24 by /24.
    base = Math.max(base, clash.base + size(clash) - step);
  }
  return null;
}

export function gatewayOf(cidr: string): string {
  return toAddress(parseCidr(cidr)!.base + 1);
}

/** Where Docker may allocate addresses by itself: the upper half of the subnet. */
export function dynamicRangeOf(cidr: string): string {
  const s = parseCidr(cidr)!;
  return formatCidr({ base: s.base + size(s) / 2, prefix: s.prefix + 1 });
}

/** The lowest fixed address in the subnet's lower half not in `taken` (gateway excluded), or null when full. */
export function freeAddress(cidr: string, taken: Iterable<string>): string | null {
  const s = parseCidr(cidr)!;
  const used = new Set(taken);
  for (let n = s.base + 2; n < s.base + size(s) / 2; n++) {
    const address = toAddress(n);
    if (!used.has(address)) return address;
  }
  return null;
}
