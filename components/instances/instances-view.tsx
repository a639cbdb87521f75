"use client";

import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { InstancesTable } from "@/components/tables/instances/table";
import { buttonClass } from "@/components/ui/button-class";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { useNow } from "@/components/ui/use-now";
import type { ActionError, ActionResult } from "@/lib/actions/action-client";
import type { InstanceOutcome } from "@/lib/instances/act-on-instances";
import { LIST_ACTIONS, type FormAction, type InstanceRow, type ListAction } from "@/lib/instances/instance-row";
import type { LaunchOptions } from "@/lib/instances/launch-options";
import type { LaunchInput } from "@/lib/instances/launch-schema";
import type { InstanceListPage } from "@/lib/instances/list-instances";
import { listSearchParams, type InstanceListFilters } from "@/lib/instances/list-query";
import { ACTION_INFO, type InstanceActionCalls } from "./instance-actions";
import { InstanceFilters } from "./instance-filters";
import { LaunchWizard } from "./launch-wizard/launch-wizard";
import { SnapshotDialog } from "./snapshot-dialog";
import { emptyLaunchForm, stepOf, toLaunchInput, type LaunchForm, type LaunchStep } from "./launch-wizard/launch-form";
import { applyLiveChange, EMPTY_OVERLAY, visibleRows } from "./live-rows";
import { StreamStatus } from "./stream-status";
import { useInstanceStream } from "./use-instance-stream";

export type LaunchCall = (projectId: string, input: LaunchInput) => Promise<ActionResult<{ requestId: string; rows: InstanceRow[] }>>;

type Props = {
  projectId: string;
  filters: InstanceListFilters;
  firstPage: InstanceListPage;
  renderedAt: string;
  showHost: boolean;
  canLaunch: boolean;
  options: LaunchOptions;
  actions: InstanceActionCalls;
  launch: LaunchCall;
  /** Open the wizard at once (the Images page's "Launch" links here), with this image chosen. */
  launchImageId: string | null;
};

/** What the last action did: accepted for some instances, refused for others with the server's reason. */
type Report =
  | { kind: "action"; action: ListAction; names: Map<string, string>; outcomes: InstanceOutcome[]; skipped: string[] }
  | { kind: "error"; message: string }
  | { kind: "launched"; names: string[] };

async function fetchJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  return body as T;
}

function withoutLaunchParams() {
  const url = new URL(window.location.href);
  url.searchParams.delete("launch");
  url.searchParams.delete("imageId");
  window.history.replaceState(null, "", url);
}

/**
 * The project's instance list: the first page comes rendered from the server, later pages and
 * other orders from the list API, and every change arrives over the live stream and updates its
 * row in place. Row and bulk actions, and the launch wizard, live here too.
 */
export function InstancesView({ projectId, filters: initialFilters, firstPage, renderedAt, showHost, canLaunch, options, actions, launch, launchImageId }: Props) {
  const queryClient = useQueryClient();
  const now = useNow(renderedAt);
  const [filters, setFilters] = useState(initialFilters);
  const [overlay, setOverlay] = useState(EMPTY_OVERLAY);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<{ action: ListAction; rows: InstanceRow[] } | null>(null);
  const [formAction, setFormAction] = useState<{ action: FormAction; row: InstanceRow } | null>(null);
  const [pending, setPending] = useState(false);
  const [report, setReport] = useState<Report | null>(null);

  const list = useInfiniteQuery({
    queryKey: ["instances", projectId, filters],
    queryFn: ({ pageParam, signal }) =>
      fetchJson<InstanceListPage>(`/api/projects/${projectId}/instances?${listSearchParams({ ...filters, cursor: pageParam })}`, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: filters === initialFilters ? { pages: [firstPage], pageParams: [undefined] } : undefined,
    // The stream keeps the list current; it is read again only when changes may have been missed.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    placeholderData: keepPreviousData,
  });

  const stream = useInstanceStream(projectId, {
    onRows: (change) => setOverlay((before) => applyLiveChange(before, change)),
    onSync: () => void queryClient.invalidateQueries({ queryKey: ["instances", projectId] }),
  });

  const rows = useMemo(
    () => visibleRows(list.data?.pages.map((page) => page.rows) ?? [], overlay, filters, !list.hasNextPage),
    [list.data, overlay, filters, list.hasNextPage],
  );
  const selectedRows = rows.filter((row) => selected.has(row.id));

  const changeFilters = useCallback((next: InstanceListFilters) => {
    setFilters(next);
    setSelected(new Set());
    const url = new URL(window.location.href);
    url.search = listSearchParams(next).toString();
    window.history.replaceState(null, "", url);
  }, []);

  const perform = async (action: ListAction, targets: InstanceRow[], skipped: InstanceRow[]) => {
    setPending(true);
    try {
      const result = await actions[action](projectId, { instanceIds: targets.map((row) => row.id) });
      setReport(
        result.ok
          ? { kind: "action", action, names: new Map(targets.map((row) => [row.id, row.name])), outcomes: result.data, skipped: skipped.map((row) => row.name) }
          : { kind: "error", message: result.error.message },
      );
    } catch {
      setReport({ kind: "error", message: "The server could not be reached; nothing was changed. Try again." });
    } finally {
      setPending(false);
    }
  };

  const requestAction = (chosen: InstanceRow[], action: ListAction) => {
    const targets = chosen.filter((row) => row.actions.includes(action));
    const skipped = chosen.filter((row) => !row.actions.includes(action));
    if (targets.length === 0) return;
    if (ACTION_INFO[action].confirm) setConfirming({ action, rows: targets });
    else void perform(action, targets, skipped);
  };

  // The wizard keeps what was typed when it closes, so a refused launch can be fixed rather than retyped.
  const [wizardOpen, setWizardOpen] = useState(launchImageId !== null && canLaunch);
  const [wizardKey, setWizardKey] = useState(0);
  const [form, setForm] = useState<LaunchForm>(() => emptyLaunchForm(launchImageId ?? ""));
  const [step, setStep] = useState<LaunchStep>("details");
  const [launchError, setLaunchError] = useState<ActionError | null>(null);
  const launchOptions = useQuery({
    queryKey: ["launch-options", projectId],
    queryFn: ({ signal }) => fetchJson<LaunchOptions>(`/api/projects/${projectId}/launch-options`, signal),
    initialData: options,
    initialDataUpdatedAt: 0,
    enabled: wizardOpen,
    staleTime: 0,
  });

  const closeWizard = () => {
    setWizardOpen(false);
    withoutLaunchParams();
  };

  const submitLaunch = async () => {
    const input = toLaunchInput(form);
    setWizardOpen(false);
    withoutLaunchParams();
    try {
      const result = await launch(projectId, input);
      if (result.ok) {
        setOverlay((before) => applyLiveChange(before, { rows: result.data.rows, removed: [] }));
        setReport({ kind: "launched", names: result.data.rows.map((row) => row.name) });
        setForm(emptyLaunchForm());
        setStep("details");
        setLaunchError(null);
        setWizardKey((key) => key + 1);
        void queryClient.invalidateQueries({ queryKey: ["launch-options", projectId] });
        return;
      }
      setLaunchError(result.error);
      setStep(result.error.fields ? stepOf(Object.keys(result.error.fields)[0]) : "review");
    } catch {
      setLaunchError({ code: "INTERNAL", message: "The server could not be reached; nothing was launched. Try again." });
      setStep("review");
    }
    setWizardOpen(true);
  };

  const filtered = Boolean(filters.name || filters.status || filters.imageId || filters.flavor);

  return (
    <>
      <PageHeader
        title="Instances"
        description="This project's containers, whatever their state, updated live."
        actions={
          canLaunch && (
            <button type="button" onClick={() => setWizardOpen(true)} className={buttonClass("primary")}>
              Launch instance
            </button>
          )
        }
      />
      <div className="mb-3 space-y-3">
        <InstanceFilters filters={filters} onChange={changeFilters} images={options.images} flavors={options.flavors} />
        <div className="flex min-h-9 flex-wrap items-center justify-between gap-2">
          {selectedRows.length > 0 ? (
            <SelectionBar rows={selectedRows} pending={pending} onAction={requestAction} onClear={() => setSelected(new Set())} />
          ) : (
            <p className="text-slate-600">
              {rows.length} {rows.length === 1 ? "instance" : "instances"} shown{list.hasNextPage ? ", more below" : ""}
              {list.isFetching && !list.isFetchingNextPage && <span className="ml-2 text-slate-500">Updating…</span>}
            </p>
          )}
          <StreamStatus stream={stream} />
        </div>
        {report && <ActionReport report={report} onDismiss={() => setReport(null)} />}
      </div>

      {list.isError && !list.data ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-red-800">
          <p>Could not load the instances: {list.error.message}</p>
          <button type="button" onClick={() => void list.refetch()} className={buttonClass("secondary", "mt-2")}>
            Try again
          </button>
        </div>
      ) : (
        <InstancesTable
          rows={rows}
          projectId={projectId}
          showHost={showHost}
          now={now}
          selected={selected}
          onSelectionChange={setSelected}
          onAction={requestAction}
          onFormAction={(row, action) => setFormAction({ action, row })}
          filtered={filtered}
          canLaunch={canLaunch}
          onLaunch={() => setWizardOpen(true)}
        />
      )}
      {list.isError && list.data && (
        <p role="alert" className="mt-2 text-red-700">
          Could not load more: {list.error.message}
        </p>
      )}
      {list.hasNextPage && (
        <div className="mt-3 flex justify-center">
          <button type="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} className={buttonClass("secondary")}>
            {list.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        </div>
      )}

      {formAction?.action === "snapshot" && <SnapshotDialog projectId={projectId} instance={formAction.row} snapshot={actions.snapshot} onClose={() => setFormAction(null)} />}
      {confirming && (
        <ConfirmDialog
          open
          title={`${ACTION_INFO[confirming.action].label} ${confirming.rows.length === 1 ? confirming.rows[0].name : `${confirming.rows.length} instances`}?`}
          confirmLabel={ACTION_INFO[confirming.action].label}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            void perform(confirming.action, confirming.rows, []);
          }}
        >
          <p>{ACTION_INFO[confirming.action].confirm}</p>
          {confirming.rows.length > 1 && (
            <ul className="mt-2 max-h-40 list-disc overflow-y-auto pl-5">
              {confirming.rows.map((row) => (
                <li key={row.id}>{row.name}</li>
              ))}
            </ul>
          )}
        </ConfirmDialog>
      )}
      {canLaunch && (
        <LaunchWizard
          key={wizardKey}
          open={wizardOpen}
          onClose={closeWizard}
          options={launchOptions.data}
          optionsProblem={launchOptions.isError ? launchOptions.error.message : null}
          form={form}
          onFormChange={(next) => {
            setForm(next);
            setLaunchError(null);
          }}
          step={step}
          onStepChange={setStep}
          serverError={launchError}
          onSubmit={() => void submitLaunch()}
        />
      )}
    </>
  );
}

function SelectionBar({
  rows,
  pending,
  onAction,
  onClear,
}: {
  rows: InstanceRow[];
  pending: boolean;
  onAction: (rows: InstanceRow[], action: ListAction) => void;
  onClear: () => void;
}) {
  const offered = LIST_ACTIONS.map((action) => [action, rows.filter((row) => row.actions.includes(action)).length] as const).filter(([, count]) => count > 0);
  return (
    <div role="toolbar" aria-label="Actions on selected instances" className="flex flex-wrap items-center gap-1.5">
      <span className="mr-1 font-medium text-slate-700">{rows.length} selected</span>
      {offered.map(([action, count]) => (
        <button
          key={action}
          type="button"
          disabled={pending}
          onClick={() => onAction(rows, action)}
          className={buttonClass(action === "delete" ? "danger" : "secondary", "px-2 py-1 text-xs")}
        >
          {ACTION_INFO[action].label}
          {count < rows.length && <span className="font-normal"> ({count})</span>}
        </button>
      ))}
      {offered.length === 0 && <span className="text-slate-500">No action fits all of them now.</span>}
      <button type="button" onClick={onClear} className={buttonClass("quiet", "px-2 py-1 text-xs")}>
        Clear selection
      </button>
    </div>
  );
}

function ActionReport({ report, onDismiss }: { report: Report; onDismiss: () => void }) {
  const dismiss = (
    <button type="button" onClick={onDismiss} className={buttonClass("quiet", "ml-auto shrink-0 px-2 py-0.5 text-xs")}>
      Dismiss
    </button>
  );
  if (report.kind === "error") {
    return (
      <div role="alert" className="flex items-start gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
        <p>{report.message}</p>
        {dismiss}
      </div>
    );
  }
  if (report.kind === "launched") {
    return (
      <div role="status" className="flex items-start gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sky-900">
        <p>Launching {report.names.join(", ")}: the list shows them as they come up.</p>
        {dismiss}
      </div>
    );
  }
  const info = ACTION_INFO[report.action];
  const nameOf = (id: string) => report.names.get(id) ?? `instance ${id}`;
  const accepted = report.outcomes.filter((outcome) => outcome.ok).map((outcome) => nameOf(outcome.id));
  const refused = report.outcomes.filter((outcome) => !outcome.ok);
  return (
    <div
      role={refused.length ? "alert" : "status"}
      className={`flex items-start gap-2 rounded-md border px-3 py-2 ${refused.length ? "border-red-200 bg-red-50 text-red-800" : "border-sky-200 bg-sky-50 text-sky-900"}`}
    >
      <div className="min-w-0 space-y-1">
        {accepted.length > 0 && (
          <p className="text-slate-800">
            {info.noun} requested for {accepted.join(", ")}.
          </p>
        )}
        {refused.map((outcome) => (
          <p key={outcome.id}>
            Could not {info.label.toLowerCase()} {nameOf(outcome.id)}: {outcome.message}
          </p>
        ))}
        {report.skipped.length > 0 && (
          <p className="text-slate-700">
            Skipped (not possible in their state): {report.skipped.join(", ")}.
          </p>
        )}
      </div>
      {dismiss}
    </div>
  );
}
