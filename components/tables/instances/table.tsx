"use client";

import { buttonClass } from "@/components/ui/button-class";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { FormAction, InstanceRow, ListAction } from "@/lib/instances/instance-row";
import { instanceColumns } from "./columns";

export function InstancesTable({
  rows,
  projectId,
  showHost,
  now,
  selected,
  onSelectionChange,
  onAction,
  onFormAction,
  filtered,
  canLaunch,
  onLaunch,
}: {
  rows: InstanceRow[];
  projectId: string;
  showHost: boolean;
  now: Date;
  selected: ReadonlySet<string>;
  onSelectionChange: (selected: ReadonlySet<string>) => void;
  onAction: (rows: InstanceRow[], action: ListAction) => void;
  onFormAction: (row: InstanceRow, action: FormAction) => void;
  filtered: boolean;
  canLaunch: boolean;
  onLaunch: () => void;
}) {
  const chosen = rows.filter((row) => selected.has(row.id)).length;
  const columns = instanceColumns({
    projectId,
    showHost,
    now,
    selected,
    onSelect: (row, on) => {
      const next = new Set(selected);
      if (on) next.add(row.id);
      else next.delete(row.id);
      onSelectionChange(next);
    },
    selectAll: {
      checked: rows.length > 0 && chosen === rows.length,
      indeterminate: chosen > 0 && chosen < rows.length,
      onChange: (on) => onSelectionChange(on ? new Set(rows.map((row) => row.id)) : new Set()),
    },
    onAction,
    onFormAction,
  });
  return (
    <DataTable
      label="Instances"
      columns={columns}
      rows={rows}
      compact
      rowClassName={(row) => (selected.has(row.id) ? "bg-sky-50/70" : undefined)}
      empty={
        filtered ? (
          <EmptyState title="No instances match these filters">Change or clear the filters above to see more.</EmptyState>
        ) : (
          <EmptyState title="No instances yet">
            <p>Instances launched in this project are listed here, with their state kept up to date.</p>
            {canLaunch && (
              <button type="button" onClick={onLaunch} className={buttonClass("primary", "mt-3")}>
                Launch instance
              </button>
            )}
          </EmptyState>
        )
      }
    />
  );
}
