import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, FilterSelect } from "@/components/admin/filter-bar";
import { auditChanges, type AuditChange } from "@/components/admin/audit-changes";
import { buttonClass } from "@/components/ui/button-class";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatTimestamp } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditEvents } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { requireAdmin } from "@/lib/identity/page-access";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
const SHOWN_INLINE = 4;
const TARGET_TYPES = ["host", "flavor", "image", "project", "user", "quota-defaults"];

type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>[number];

const LONG_VALUE = 120;

/** A value as it reads in a diff; a long one (an evacuation's results) opens on demand. */
function Value({ text }: { text: string }) {
  if (text.length <= LONG_VALUE) return <>{text}</>;
  return (
    <details className="inline">
      <summary className="cursor-pointer rounded">{text.slice(0, LONG_VALUE)}…</summary>
      {text}
    </details>
  );
}

function ChangeList({ changes }: { changes: AuditChange[] }) {
  return (
    <dl className="grid min-w-72 grid-cols-[auto_minmax(0,1fr)] gap-x-2 font-mono text-xs">
      {changes.map((c) => (
        <div key={c.key} className="contents">
          <dt className="text-slate-500">{c.key}</dt>
          <dd className="break-words">
            <del className="text-red-700 decoration-red-300">
              <Value text={c.before} />
            </del>{" "}
            →{" "}
            <ins className="text-emerald-800 no-underline">
              <Value text={c.after} />
            </ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Changes({ event }: { event: AuditRow }) {
  const changes = auditChanges(event.before, event.after);
  if (!changes.length) return <span className="text-slate-500">—</span>;
  if (changes.length <= SHOWN_INLINE) return <ChangeList changes={changes} />;
  return (
    <details className="max-w-xl min-w-72">
      <summary className="cursor-pointer rounded text-sky-800">{changes.length} fields</summary>
      <div className="mt-1">
        <ChangeList changes={changes} />
      </div>
    </details>
  );
}

const columns: Column<AuditRow>[] = [
  { header: "When", cell: (e) => <time dateTime={e.createdAt.toISOString()} className="text-xs whitespace-nowrap">{formatTimestamp(e.createdAt)}</time> },
  { header: "Who", cell: (e) => e.actorName },
  { header: "What", cell: (e) => <span className="font-mono text-xs whitespace-nowrap">{e.action}</span> },
  {
    header: "Target",
    cell: (e) => (
      <span className="whitespace-nowrap">
        <span className="text-slate-500">{e.targetType}</span> {e.targetName ?? e.targetId ?? ""}
      </span>
    ),
  },
  { header: "Changes", cell: (e) => <Changes event={e} /> },
];

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const params = await searchParams;
  const first = (key: string) => [params[key]].flat()[0] || undefined;
  const type = TARGET_TYPES.find((t) => t === first("type"));
  const beforeText = first("before");
  const before = beforeText && !Number.isNaN(Date.parse(beforeText)) ? new Date(beforeText) : undefined;

  const events = await listAuditEvents(db(), { take: PAGE_SIZE + 1, before, targetType: type });
  const page = events.slice(0, PAGE_SIZE);
  const older = events.length > PAGE_SIZE ? page[page.length - 1].createdAt.toISOString() : null;
  const href = (olderThan?: string) => {
    const query = new URLSearchParams({ ...(type ? { type } : {}), ...(olderThan ? { before: olderThan } : {}) }).toString();
    return `/admin/audit${query ? `?${query}` : ""}`;
  };

  return (
    <>
      <PageHeader title="Audit log" description="Every change made in the admin console: who, what, when, and the record before and after. Newest first." />
      <FilterBar action="/admin/audit" label="Filter audit events" active={Boolean(type)}>
        <FilterSelect name="type" label="Target" value={type} anyLabel="Everything" options={TARGET_TYPES.map((t) => ({ value: t, label: t }))} />
      </FilterBar>
      <DataTable
        label="Audit events"
        columns={columns}
        rows={page}
        empty={
          <EmptyState title={before ? "No older events" : "No admin changes yet"}>
            {before ? "This is the start of the log." : "Changes made on the admin pages appear here."}
          </EmptyState>
        }
      />
      {(before || older) && (
        <nav aria-label="Pages" className="mt-3 flex gap-2">
          {before && (
            <Link href={href()} className={buttonClass("secondary")}>
              ← Newest
            </Link>
          )}
          {older && (
            <Link href={href(older)} className={buttonClass("secondary")}>
              Older →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
