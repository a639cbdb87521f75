import type { ReactNode } from "react";
import { ConfirmAction } from "@/components/admin/confirm-action";
import type { Column } from "@/components/ui/data-table";
import type { ActionResult } from "@/lib/actions/action-client";

/**
 * The last column of a table whose rows can be deleted: Delete, confirmed first, with the
 * server's refusal under it. `run` gives the row's server action with its arguments bound.
 */
export function deleteColumn<Row extends { id: string; name: string }>({
  noun,
  run,
  consequence,
  disabledReason,
}: {
  noun: string;
  run: (row: Row) => () => Promise<ActionResult<void>>;
  consequence: (row: Row) => ReactNode;
  disabledReason?: (row: Row) => string | undefined;
}): Column<Row> {
  return {
    header: "Actions",
    headerHidden: true,
    cell: (row) => (
      <div className="flex justify-end">
        <ConfirmAction
          label="Delete"
          pendingLabel="Deleting…"
          title={`Delete ${noun} ${row.name}?`}
          confirmLabel={`Delete ${noun}`}
          run={run(row)}
          disabledReason={disabledReason?.(row)}
        >
          {consequence(row)}
        </ConfirmAction>
      </div>
    ),
  };
}
