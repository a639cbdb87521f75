import type { ReactNode } from "react";
import { cn } from "./class-names";

export type Column<Row> = {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Numbers line up on the right. */
  numeric?: boolean;
  /** The header is read out but not shown, for columns whose content explains itself (row actions). */
  headerHidden?: boolean;
  /** Shown in the header instead of the title (a select-all checkbox, say); the title stays its name. */
  headerCell?: ReactNode;
  /** This column names the row, instead of the first one (when the first holds a checkbox). */
  rowHeader?: boolean;
  /** A column a phone can do without shows from this breakpoint up. */
  showFrom?: keyof typeof SHOW_FROM;
};

const SHOW_FROM = { sm: "hidden sm:table-cell", md: "hidden md:table-cell", lg: "hidden lg:table-cell" } as const;

const NUMERIC = "whitespace-nowrap text-right tabular-nums";

function shownFrom(column: Column<never>): string | undefined {
  return column.showFrom && SHOW_FROM[column.showFrom];
}

/** One row's cells; the row-header column is a `th` (bold in the body, as the footer already is). */
function Cells<Row>({
  columns,
  headerIndex,
  padding,
  content,
}: {
  columns: Column<Row>[];
  headerIndex: number;
  padding: string;
  content: (column: Column<Row>, index: number) => ReactNode;
}) {
  return columns.map((column, index) => {
    const Cell = index === headerIndex ? "th" : "td";
    return (
      <Cell
        key={column.header}
        scope={index === headerIndex ? "row" : undefined}
        className={cn("py-2", padding, index === headerIndex && "font-medium text-slate-900", column.numeric && NUMERIC, shownFrom(column))}
      >
        {content(column, index)}
      </Cell>
    );
  });
}

/**
 * A dense table. The first column names the row (a row header) unless another says `rowHeader`;
 * `empty` shows instead of the table when there are no rows; `footer` (one cell per column) adds a
 * totals row; `rowClassName` marks rows (selected ones, say).
 */
export function DataTable<Row extends { id: string }>({
  label,
  columns,
  rows,
  empty,
  footer,
  rowClassName,
  compact = false,
}: {
  label: string;
  columns: Column<Row>[];
  rows: Row[];
  empty: ReactNode;
  footer?: ReactNode[];
  rowClassName?: (row: Row) => string | undefined;
  /** Narrower cells, for tables with many columns. */
  compact?: boolean;
}) {
  if (rows.length === 0) return empty;
  const headerIndex = Math.max(0, columns.findIndex((column) => column.rowHeader));
  const padding = compact ? "px-2" : "px-2 sm:px-3";
  return (
    // `relative` keeps screen-reader-only text (absolutely placed) inside the scroller, not widening the page.
    <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{label}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500">
          <tr>
            {columns.map((column) => (
              <th
                key={column.header}
                scope="col"
                // On a phone a long header may wrap rather than widen its column past the screen.
                className={cn("py-2 font-medium sm:whitespace-nowrap", padding, column.numeric && "text-right", shownFrom(column))}
              >
                {column.headerCell ?? (column.headerHidden ? <span className="sr-only">{column.header}</span> : column.header)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 text-slate-700">
          {rows.map((row) => (
            <tr key={row.id} className={cn("align-top hover:bg-slate-50", rowClassName?.(row))}>
              <Cells columns={columns} headerIndex={headerIndex} padding={padding} content={(column) => column.cell(row)} />
            </tr>
          ))}
        </tbody>
        {footer && (
          <tfoot className="border-t border-slate-300 bg-slate-50 font-semibold text-slate-900">
            <tr>
              <Cells columns={columns} headerIndex={headerIndex} padding={padding} content={(_, index) => footer[index]} />
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
