import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import type { ServerGroupView } from "@/lib/networks/server-groups";
import { serverGroupColumns, type ServerGroupColumnsOptions } from "./columns";

export function ServerGroupsTable({ groups, empty, ...options }: ServerGroupColumnsOptions & { groups: ServerGroupView[]; empty: ReactNode }) {
  return <DataTable label="Server groups" columns={serverGroupColumns(options)} rows={groups} empty={empty} />;
}
