import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/admin/back-link";
import { HostCharts } from "@/components/admin/host-charts";
import { HostStatusBadge } from "@/components/admin/hosts-table";
import { Badge } from "@/components/ui/badge";
import { formatTimestamp } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { RelativeTime } from "@/components/ui/relative-time";
import { db } from "@/lib/db/client";
import { listHosts } from "@/lib/hosts/list-hosts";
import { isUuid } from "@/lib/identity/access";
import { requireAdmin } from "@/lib/identity/page-access";
import { EvacuateHost } from "./evacuate-host";
import { HostAvailability } from "./host-availability";
import { HostSettingsForm } from "./host-settings-form";
import { RemoveHost } from "./remove-host";

export const metadata: Metadata = { title: "Host" };

export default async function HostPage({ params }: { params: Promise<{ hostId: string }> }) {
  await requireAdmin();
  const { hostId } = await params;
  const host = isUuid(hostId) ? (await listHosts(db())).find((h) => h.id === hostId) : undefined;
  if (!host) notFound();
  const now = new Date();

  return (
    <>
      <BackLink href="/admin/hosts">Hosts</BackLink>
      <PageHeader
        title={host.name}
        description={
          <span className="font-mono text-xs break-all">
            {host.endpoint} · Docker {host.dockerVersion ?? "version unknown"}
            {host.operatingSystem && ` · ${host.operatingSystem}`}
          </span>
        }
        actions={
          <>
            <HostStatusBadge host={host} />
            {!host.enabled && <Badge tone="warning">disabled</Badge>}
            <Badge>zone {host.availabilityZone}</Badge>
          </>
        }
      />
      {host.status === "down" && (
        <p role="status" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 break-words text-red-800">
          Down since the heartbeat <RelativeTime date={host.lastHeartbeatAt} now={now} suffix=" ago" /> failed
          {host.lastError ? `: ${host.lastError}` : "."}
        </p>
      )}
      <div className="grid items-start gap-4 lg:grid-cols-2">
        <Panel
          title="Allocation"
          actions={
            <Link href={`/admin/instances?hostId=${host.id}`} className="rounded text-sky-800 hover:underline">
              {host.instanceCount} {host.instanceCount === 1 ? "instance" : "instances"}
            </Link>
          }
        >
          <HostCharts allocation={host} host={host} />
          <p className="mt-3 text-xs text-slate-500">
            Last heartbeat {host.lastHeartbeatAt ? formatTimestamp(host.lastHeartbeatAt) : "never"}. Capacity is (physical − reserved) ×
            ratio.
          </p>
        </Panel>
        <Panel title="Settings">
          <HostSettingsForm
            hostId={host.id}
            settings={{
              availabilityZone: host.availabilityZone,
              cpuAllocationRatio: host.cpuAllocationRatio,
              ramAllocationRatio: host.ramAllocationRatio,
              diskAllocationRatio: host.diskAllocationRatio,
              reservedCpus: host.reservedCpus,
              reservedMemoryMiB: host.reservedMemoryMiB,
              reservedDiskGiB: host.reservedDiskGiB,
              diskGiB: host.diskGiB,
              publicAddress: host.publicAddress,
              portRangeMin: host.portRangeMin,
              portRangeMax: host.portRangeMax,
            }}
          />
        </Panel>
        <Panel title="Availability">
          <HostAvailability hostId={host.id} enabled={host.enabled} reason={host.disabledReason} />
        </Panel>
        {host.status === "down" && host.instanceCount > 0 && (
          <Panel title="Evacuate">
            <EvacuateHost hostId={host.id} hostName={host.name} instanceCount={host.instanceCount} />
          </Panel>
        )}
        <Panel title="Remove">
          {host.instanceCount === 0 ? (
            <div className="space-y-3">
              <p className="text-slate-600">Nothing runs on {host.name}: it can be removed.</p>
              <RemoveHost hostId={host.id} hostName={host.name} />
            </div>
          ) : (
            <p className="text-slate-600">
              {host.name} still has {host.instanceCount} {host.instanceCount === 1 ? "instance" : "instances"}: migrate, evacuate or delete{" "}
              <Link href={`/admin/instances?hostId=${host.id}`} className="text-sky-800 underline">
                them
              </Link>{" "}
              before removing it.
            </p>
          )}
        </Panel>
      </div>
    </>
  );
}
