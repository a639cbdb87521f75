import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { FieldList } from "@/components/ui/field-list";
import { formatSize, formatTimestamp } from "@/components/ui/format";
import { Panel } from "@/components/ui/panel";
import { RelativeTime } from "@/components/ui/relative-time";
import type { InstanceDetail } from "@/lib/instances/instance-detail";
import { FaultPanel } from "./fault-panel";
import { PublishedPorts, type PortCalls } from "./published-ports";

const none = <span className="text-slate-500">—</span>;

function Time({ at, now }: { at: string | null; now: Date }) {
  if (!at) return none;
  return (
    <>
      {formatTimestamp(new Date(at))} <span className="text-slate-500">(<RelativeTime date={new Date(at)} now={now} suffix=" ago" />)</span>
    </>
  );
}

function Code({ children }: { children: string }) {
  return <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800">{children}</code>;
}

/** A command as a shell would read it: each argument quoted only when it needs to be. */
function shellWords(words: string[] | null) {
  if (!words?.length) return <span className="text-slate-500">{"the image's default"}</span>;
  return <Code>{words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replaceAll("'", "'\\''")}'`)).join(" ")}</Code>;
}

function Pairs({ pairs, empty }: { pairs: [string, string | null][]; empty: string }) {
  if (!pairs.length) return <span className="text-slate-500">{empty}</span>;
  return (
    <ul className="space-y-0.5">
      {pairs.map(([key, value]) => (
        <li key={key} className="break-all font-mono text-[0.85em]">
          {key}
          {value === null ? <span className="text-slate-500"> (value hidden from readers)</span> : `=${value}`}
        </li>
      ))}
    </ul>
  );
}

function Addresses({ addresses }: { addresses: InstanceDetail["addresses"] }) {
  if (!addresses.length) return none;
  return (
    <ul className="space-y-0.5">
      {addresses.map(({ network, address }) => (
        <li key={network}>
          <Code>{address}</Code> <span className="text-slate-500">on {network}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Everything known about one instance, in the order people look for it: what went wrong, what it
 * is, where and when, and how it is reached. `portCalls` only for roles that may publish ports.
 */
export function InstanceOverview({ instance, now, portCalls }: { instance: InstanceDetail; now: Date; portCalls?: PortCalls }) {
  const { flavor } = instance;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {instance.fault && <FaultPanel fault={instance.fault} now={now} />}
      <Panel title="State">
        <FieldList
          fields={[
            ["Status", instance.status],
            ["Task", instance.taskState ? instance.taskState.replaceAll("_", " ") : none],
            ["Power", instance.powerState],
            ["VM state", instance.vmState],
            ["Locked", instance.locked ? <Badge tone="warning">{instance.lockedReason ? `Locked: ${instance.lockedReason}` : "Locked"}</Badge> : "No"],
          ]}
        />
      </Panel>
      <Panel title="Flavor">
        <FieldList
          fields={[
            ["Flavor", instance.flavor.name],
            ["vCPUs", flavor.vcpus],
            ["RAM", formatSize(flavor.ramMiB, "MiB")],
            ["Disk", `${flavor.diskGiB} GiB`],
            ["Swap", flavor.swapMiB ? formatSize(flavor.swapMiB, "MiB") : "None"],
          ]}
        />
      </Panel>
      <Panel title="Source and configuration">
        <FieldList
          fields={[
            ["Image", instance.image?.name ?? <span className="text-slate-500">deleted image</span>],
            ["Kind", instance.kind],
            ["Command", shellWords(instance.command)],
            ...(instance.entrypoint ? [["Entrypoint", shellWords(instance.entrypoint)] as [string, ReactNode]] : []),
            ["Working dir", instance.workingDir ? <Code>{instance.workingDir}</Code> : <span className="text-slate-500">{"the image's default"}</span>],
            ["Environment", <Pairs key="env" pairs={instance.env.map((e) => [e.name, e.value])} empty="none set" />],
            ["Labels", <Pairs key="labels" pairs={Object.entries(instance.labels)} empty="none" />],
          ]}
        />
      </Panel>
      <Panel title="Placement and times">
        <FieldList
          fields={[
            ["Addresses", <Addresses key="addresses" addresses={instance.addresses} />],
            ["Zone", instance.availabilityZone ?? <span className="text-slate-500">any</span>],
            ...(instance.placement
              ? ([
                  ["Host", instance.placement.host],
                  ["Container", instance.placement.containerId ? <Code>{instance.placement.containerId.slice(0, 12)}</Code> : none],
                ] as [string, ReactNode][])
              : []),
            ["Launched by", instance.launchedBy ?? none],
            ["Created", <Time key="created" at={instance.createdAt} now={now} />],
            ["Launched", <Time key="launched" at={instance.launchedAt} now={now} />],
            ["Terminated", <Time key="terminated" at={instance.terminatedAt} now={now} />],
            ["Updated", <Time key="updated" at={instance.updatedAt} now={now} />],
          ]}
        />
      </Panel>
      <PublishedPorts instance={instance} calls={portCalls} />
    </div>
  );
}
