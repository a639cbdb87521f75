"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ACTION_INFO, FORM_ACTION_LABEL, type InstanceActionCalls } from "@/components/instances/instance-actions";
import { SnapshotDialog } from "@/components/instances/snapshot-dialog";
import { buttonClass } from "@/components/ui/button-class";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { FormAction, ListAction } from "@/lib/instances/instance-row";
import { useLiveInstance } from "./live-instance";

type Report = { ok: true; message: string } | { ok: false; message: string };

/**
 * The actions the instance's state and the viewer's role allow now (the row says which), through
 * the same server actions as the list. Destructive ones ask first; a refusal shows its reason.
 */
export function InstanceActionBar({ projectId, actions }: { projectId: string; actions: InstanceActionCalls }) {
  const { row } = useLiveInstance();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState<ListAction | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [form, setForm] = useState<FormAction | null>(null);

  const run = (action: ListAction) => {
    setConfirming(null);
    startTransition(async () => {
      const result = await actions[action](projectId, { instanceIds: [row.id] });
      const outcome = result.ok ? result.data[0] : null;
      if (!result.ok) setReport({ ok: false, message: result.error.message });
      else if (outcome && !outcome.ok) setReport({ ok: false, message: outcome.message });
      else if (action === "delete") router.push(`/projects/${projectId}/instances`);
      else setReport({ ok: true, message: `${ACTION_INFO[action].noun} requested.` });
    });
  };

  return (
    <div className="flex flex-col items-end gap-1.5">
      <div role="toolbar" aria-label="Instance actions" className="flex flex-wrap gap-1.5">
        {row.formActions.map((action) => (
          <button key={action} type="button" disabled={pending} onClick={() => setForm(action)} className={buttonClass("secondary", "px-2.5 py-1")}>
            {FORM_ACTION_LABEL[action]}
          </button>
        ))}
        {row.actions.map((action) => (
          <button
            key={action}
            type="button"
            disabled={pending}
            onClick={() => (ACTION_INFO[action].confirm ? setConfirming(action) : run(action))}
            className={buttonClass(action === "delete" ? "danger" : "secondary", "px-2.5 py-1")}
          >
            {ACTION_INFO[action].label}
            {ACTION_INFO[action].confirm && "…"}
          </button>
        ))}
      </div>
      {report && (
        <p role={report.ok ? "status" : "alert"} className={report.ok ? "text-xs text-slate-600" : "text-red-700"}>
          {report.message}
          <button type="button" onClick={() => setReport(null)} className="ml-2 text-xs underline">
            Dismiss
          </button>
        </p>
      )}
      {form === "snapshot" && <SnapshotDialog projectId={projectId} instance={row} snapshot={actions.snapshot} onClose={() => setForm(null)} />}
      {confirming && (
        <ConfirmDialog
          open
          title={`${ACTION_INFO[confirming].label} ${row.name}?`}
          confirmLabel={ACTION_INFO[confirming].label}
          onConfirm={() => run(confirming)}
          onCancel={() => setConfirming(null)}
        >
          <p>{ACTION_INFO[confirming].confirm}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
