import type { Metadata } from "next";
import Link from "next/link";
import { HostCharts, schedulableTotal } from "@/components/admin/host-charts";
import { HostsTable } from "@/components/admin/hosts-table";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { db } from "@/lib/db/client";
import { listHosts } from "@/lib/hosts/list-hosts";
import { requireAdmin } from "@/lib/identity/page-access";
import { CheckHostsButton } from "./check-hosts-button";

export const metadata: Metadata = { title: "Hosts" };

export default async function HostsPage() {
  await requireAdmin();
  const hosts = await listHosts(db());
  const up = hosts.filter((h) => h.status === "up").length;
  const open = hosts.filter((h) => h.status === "up" && h.enabled).length;

  return (
    <>
      <PageHeader
        title="Hosts"
        description="Docker engines Berth places instances on. Status is what the last heartbeat saw."
        actions={
          <>
            <CheckHostsButton />
            <Link href="/admin/hosts/new" className={buttonClass("primary")}>
              Add host
            </Link>
          </>
        }
      />
      {hosts.length > 0 && (
        <Panel title="Allocation" className="mb-4">
          <p className="mb-3 text-slate-600">
            {up} of {hosts.length} {hosts.length === 1 ? "host" : "hosts"} up, {open} taking new instances. The rings add up the hosts
            that take new instances: capacity is (physical − reserved) × allocation ratio.
          </p>
          <div className="max-w-xl">
            <HostCharts allocation={schedulableTotal(hosts)} />
          </div>
        </Panel>
      )}
      <HostsTable hosts={hosts} now={new Date()} />
    </>
  );
}
