import { Badge } from "@/components/ui/badge";
import type { Column } from "@/components/ui/data-table";
import { formatCount } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ActionResult } from "@/lib/actions/action-client";
import type { NetworkView } from "@/lib/networks/manage-networks";
import { deleteColumn } from "../delete-column";

/** A server action with the project bound: deletes one of its networks. */
export type DeleteNetworkCall = (input: { networkId: string }) => Promise<ActionResult<void>>;

export type NetworkColumnsOptions = { now: Date; remove?: DeleteNetworkCall };

const AUTOMATIC = "automatic (a /24 per host)";

function WhereItExists({ network }: { network: NetworkView }) {
  if (!network.hosts.length) return <span className="text-slate-500">on no host yet: made where its first instance lands</span>;
  return (
    <>
      {network.hosts.length} {network.hosts.length === 1 ? "host" : "hosts"}
      <ul className="font-mono text-xs text-slate-600">
        {network.hosts.map((realised) => (
          <li key={realised.cidr}>{realised.host ? `${realised.host}: ${realised.cidr}` : realised.cidr}</li>
        ))}
      </ul>
    </>
  );
}

export function networkColumns({ now, remove }: NetworkColumnsOptions): Column<NetworkView>[] {
  const columns: (Column<NetworkView> | false)[] = [
    {
      header: "Name",
      cell: (network) => (
        <>
          <span className="inline-flex flex-wrap items-center gap-1.5">
            {network.name}
            {network.isDefault && <Badge tone="info">default</Badge>}
          </span>
          {network.description && <span className="block max-w-xs text-xs font-normal text-slate-500">{network.description}</span>}
        </>
      ),
    },
    { header: "Subnet", cell: (network) => (network.cidr ? <span className="font-mono text-xs">{network.cidr}</span> : AUTOMATIC) },
    { header: "Where it exists now", showFrom: "md", cell: (network) => <WhereItExists network={network} /> },
    { header: "Instances", cell: (network) => formatCount(network.instances), numeric: true },
    { header: "Created", showFrom: "sm", cell: (network) => <RelativeTime date={new Date(network.createdAt)} now={now} suffix=" ago" /> },
    !!remove &&
      deleteColumn<NetworkView>({
        noun: "network",
        run: (network) => remove.bind(null, { networkId: network.id }),
        consequence: (network) => `Network ${network.name} is removed from this project: no instance can be launched on it any more.`,
        disabledReason: (network) => (network.isDefault ? "The default network cannot be deleted." : undefined),
      }),
  ];
  return columns.filter((column) => column !== false);
}
