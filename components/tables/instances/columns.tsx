import Link from "next/link";
import { ACTION_INFO, FORM_ACTION_LABEL } from "@/components/instances/instance-actions";
import { InstanceStatusBadge } from "@/components/instances/instance-status-badge";
import type { Column } from "@/components/ui/data-table";
import { formatSize } from "@/components/ui/format";
import { LinkPending } from "@/components/ui/link-pending";
import { Menu } from "@/components/ui/menu";
import { RelativeTime } from "@/components/ui/relative-time";
import type { FormAction, InstanceRow, ListAction } from "@/lib/instances/instance-row";

export type InstanceColumnsProps = {
  projectId: string;
  showHost: boolean;
  now: Date;
  selected: ReadonlySet<string>;
  onSelect: (row: InstanceRow, selected: boolean) => void;
  selectAll: { checked: boolean; indeterminate: boolean; onChange: (selected: boolean) => void };
  onAction: (rows: InstanceRow[], action: ListAction) => void;
  onFormAction: (row: InstanceRow, action: FormAction) => void;
};

const none = <span className="text-slate-400">—</span>;

function LockIcon({ reason }: { reason: string | null }) {
  const label = reason ? `Locked: ${reason}` : "Locked";
  return (
    <span title={label} className="inline-flex text-amber-700">
      <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4">
        <path fillRule="evenodd" d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z" clipRule="evenodd" />
      </svg>
      <span className="sr-only">{label}</span>
    </span>
  );
}

export function instanceColumns({ projectId, showHost, now, selected, onSelect, selectAll, onAction, onFormAction }: InstanceColumnsProps): Column<InstanceRow>[] {
  return [
    {
      header: "Select and act",
      headerCell: (
        <input
          type="checkbox"
          aria-label="Select all instances shown"
          checked={selectAll.checked}
          ref={(box) => {
            if (box) box.indeterminate = selectAll.indeterminate;
          }}
          onChange={(event) => selectAll.onChange(event.target.checked)}
          className="size-4 align-middle"
        />
      ),
      // The row's menu sits at its start, so it stays in reach when the table scrolls sideways.
      cell: (row) => (
        <div className="flex items-center gap-1">
          <input
            type="checkbox"
            aria-label={`Select ${row.name}`}
            checked={selected.has(row.id)}
            onChange={(event) => onSelect(row, event.target.checked)}
            className="size-4"
          />
          <Menu
            label={`Actions for ${row.name}`}
            items={[
              ...row.formActions.map((action) => ({ key: action, label: FORM_ACTION_LABEL[action], onSelect: () => onFormAction(row, action) })),
              ...row.actions.map((action) => ({
                key: action,
                label: `${ACTION_INFO[action].label}${ACTION_INFO[action].confirm ? "…" : ""}`,
                danger: action === "delete",
                onSelect: () => onAction([row], action),
              })),
            ]}
          >
            <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4">
              <path d="M3 10a1.5 1.5 0 1 1 3 0 1.5 1.5 0 0 1-3 0Zm5.5 0a1.5 1.5 0 1 1 3 0 1.5 1.5 0 0 1-3 0ZM15.5 8.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Z" />
            </svg>
          </Menu>
        </div>
      ),
    },
    {
      header: "Name",
      rowHeader: true,
      cell: (row) => (
        <Link href={`/projects/${projectId}/instances/${row.id}`} className="relative whitespace-nowrap rounded text-sky-800 hover:underline">
          {row.name}
          <LinkPending className="inset-x-0" />
        </Link>
      ),
    },
    {
      header: "Image · kind",
      showFrom: "sm",
      cell: (row) => (
        <span className="whitespace-nowrap">
          {row.imageName ?? <span className="text-slate-500">deleted image</span>}
          <span className="block text-xs text-slate-500">{row.kind}</span>
        </span>
      ),
    },
    {
      header: "Flavor",
      showFrom: "md",
      cell: (row) => (
        <span className="whitespace-nowrap">
          {row.flavor.name}
          <span className="block text-xs text-slate-500">
            {row.flavor.vcpus} vCPU · {formatSize(row.flavor.ramMiB, "MiB")} · {row.flavor.diskGiB} GiB
          </span>
        </span>
      ),
    },
    {
      header: "Status",
      cell: (row) => (
        <div className="min-w-24">
          <span className="flex items-center gap-1">
            <InstanceStatusBadge status={row.status} />
            {row.locked && <LockIcon reason={row.lockedReason} />}
          </span>
          {row.fault && (
            <p className="mt-1 line-clamp-2 w-44 text-xs text-red-800" title={row.fault}>
              {row.fault}
            </p>
          )}
        </div>
      ),
    },
    // Widths held for the longest value, so columns do not shift as tasks come and go.
    { header: "Task", showFrom: "md", cell: (row) => <span className="inline-block min-w-20 whitespace-nowrap">{row.task ?? none}</span> },
    { header: "Power", showFrom: "lg", cell: (row) => <span className="inline-block min-w-14">{row.powerState}</span> },
    { header: "Addresses", showFrom: "lg", cell: (row) => (row.addresses.length ? row.addresses.join(", ") : none) },
    { header: "AZ", showFrom: "lg", cell: (row) => row.availabilityZone ?? none },
    ...(showHost
      ? [{ header: "Host", showFrom: "md" as const, cell: (row: InstanceRow) => row.host ?? <span className="whitespace-nowrap text-slate-500">not placed</span> }]
      : []),
    { header: "Age", showFrom: "sm", numeric: true, cell: (row) => <RelativeTime date={new Date(row.createdAt)} now={now} /> },
  ];
}
