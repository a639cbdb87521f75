import type { Metadata } from "next";
import { HostsTable } from "@/components/tables/hosts-table";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { listHosts } from "@/lib/hosts/list-hosts";
import { requireAdmin } from "@/lib/identity/page-access";
import { CheckHostsButton } from "./check-hosts-button";

export const metadata: Metadata = { title: "Hosts" };

export default async function HostsPage() {
  await requireAdmin();
  const hosts = await listHosts(db());

  return (
    <>
      <PageHeader
        title="Hosts"
        description="Docker engines Berth places instances on. Status is what the last heartbeat saw."
        actions={<CheckHostsButton />}
      />
      <HostsTable hosts={hosts} now={new Date()} />
    </>
  );
}
