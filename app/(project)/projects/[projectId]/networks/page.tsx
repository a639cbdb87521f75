import type { Metadata } from "next";
import { CreateNetwork } from "@/components/networks/create-network";
import { CreateServerGroup } from "@/components/networks/create-server-group";
import { NetworksTable } from "@/components/tables/networks/table";
import { ServerGroupsTable } from "@/components/tables/server-groups/table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { db } from "@/lib/db/client";
import { requireProjectRole } from "@/lib/identity/page-access";
import { can } from "@/lib/identity/permissions";
import { listNetworks } from "@/lib/networks/manage-networks";
import { listServerGroups } from "@/lib/networks/server-groups";
import type { ProjectRouteProps } from "../project-page-props";
import { createNetworkAction, createServerGroupAction, deleteNetworkAction, deleteServerGroupAction } from "./actions";

export const metadata: Metadata = { title: "Networks" };

export default async function NetworksPage({ params }: ProjectRouteProps) {
  const { projectId } = await params;
  const { role } = await requireProjectRole(projectId);
  const [networks, groups] = await Promise.all([listNetworks(db(), projectId, { showHosts: can(role, "host:manage") }), listServerGroups(db(), projectId)]);
  const manages = can(role, "network:manage");
  const now = new Date();

  return (
    <>
      <PageHeader
        title="Networks"
        description="This project's private networks, and the server groups that keep its instances together or apart."
        actions={manages && <CreateNetwork create={createNetworkAction.bind(null, projectId)} />}
      />
      <p role="note" className="mb-4 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sky-900">
        Private networks are per host today: instances on different hosts are not connected. Use a server group with the affinity policy to keep
        instances that talk to each other on one host.
      </p>
      <NetworksTable
        networks={networks}
        now={now}
        remove={manages ? deleteNetworkAction.bind(null, projectId) : undefined}
        empty={<EmptyState title="No networks yet">The default network is made with the first launch.</EmptyState>}
      />
      <Panel
        title="Server groups"
        className="mt-6"
        actions={manages && <CreateServerGroup create={createServerGroupAction.bind(null, projectId)} />}
      >
        <ServerGroupsTable
          groups={groups}
          projectId={projectId}
          now={now}
          remove={manages ? deleteServerGroupAction.bind(null, projectId) : undefined}
          empty={
            <EmptyState title="No server groups">
              {manages ? "Create one, then choose it when launching: affinity keeps its instances on one host, anti-affinity spreads them." : "Server groups of this project will be listed here."}
            </EmptyState>
          }
        />
      </Panel>
    </>
  );
}
