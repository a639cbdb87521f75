import type { Prisma } from "@/lib/db/generated/client";

/** An instance's fixed address on one of its networks, on the host it is on now. */
export type AddressView = { network: string; address: string };

/** What a query selects to show an instance's addresses (with `hostId`, to pick its current host's). */
export const ADDRESSES_SELECT = {
  hostId: true,
  addresses: {
    orderBy: { createdAt: "asc" },
    select: { address: true, networkHost: { select: { hostId: true, network: { select: { name: true } } } } },
  },
} satisfies Prisma.InstanceSelect;

export type AddressesRecord = {
  hostId: string | null;
  addresses: { address: string; networkHost: { hostId: string; network: { name: string } } }[];
};

/** During a move an instance briefly holds addresses on two hosts: these are the ones where it runs. */
export function currentAddresses(record: AddressesRecord): AddressView[] {
  return record.addresses
    .filter((a) => a.networkHost.hostId === record.hostId)
    .map((a) => ({ network: a.networkHost.network.name, address: a.address }));
}
