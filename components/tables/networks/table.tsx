import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import type { NetworkView } from "@/lib/networks/manage-networks";
import { networkColumns, type NetworkColumnsOptions } from "./columns";

export function NetworksTable({ networks, empty, ...options }: NetworkColumnsOptions & { networks: NetworkView[]; empty: ReactNode }) {
  return <DataTable label="Networks" columns={networkColumns(options)} rows={networks} empty={empty} />;
}
