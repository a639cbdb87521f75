import type { ReactNode } from "react";
import { cn } from "./class-names";

export type Column<Row> = {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Numbers line up on the right. */
  numeric?: boolean;
};

/**
 * A dense, read-only table. The first column names the row (a row header); `empty` shows
 * instead of the table when there are no rows.
 */
export function DataTable<Row extends { id: string }>({
  label,
  columns,
  rows,
  empty,
}: {
  label: string;
  columns: Column<Row>[];
  rows: Row[];
  empty: ReactNode;
}) {
  if (rows.length === 0) return empty;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{label}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500">
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={cn("whitespace-nowrap px-3 py-2 font-medium", column.numeric && "text-right")}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="align-top hover:bg-slate-50">
              {columns.map((column, index) => {
                const Cell = index === 0 ? "th" : "td";
                return (
                  <Cell
                    key={column.header}
                    scope={index === 0 ? "row" : undefined}
                    className={cn(
                      "px-3 py-2",
                      index === 0 ? "font-medium text-slate-900" : "text-slate-700",
                      column.numeric && "whitespace-nowrap text-right tabular-nums",
                    )}
                  >
                    {column.cell(row)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
