"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { ActionAlert, SelectField } from "@/components/admin/form-fields";
import { DialogButtons } from "@/components/admin/dialog-buttons";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Menu, type MenuItem } from "@/components/ui/menu";
import type { ActionResult } from "@/lib/actions/action-client";
import type { AdminListAction } from "@/lib/instances/list-all-instances";
import { deleteAction, evacuateAction, lockAction, migrateAction, resetStateAction } from "./actions";

type Target = { id: string; name: string; hostName: string | null; actions: AdminListAction[] };

type Confirmable = "migrate" | "evacuate" | "delete";

const CONFIRM: Record<Confirmable, { label: string; title: (t: Target) => string; body: (t: Target) => ReactNode; run: (id: string) => Promise<ActionResult<unknown>> }> = {
  migrate: {
    label: "Migrate",
    title: (t) => `Migrate ${t.name}?`,
    body: (t) => <>The container is stopped, copied to another host and started there; {t.name} is briefly unavailable.</>,
    run: (instanceId) => migrateAction({ instanceId }),
  },
  evacuate: {
    label: "Evacuate",
    title: (t) => `Evacuate ${t.name}?`,
    body: (t) => (
      <>
        Host {t.hostName ?? "(none)"} is down: {t.name} is rebuilt on another host from its image. What was written inside the container is
        lost.
      </>
    ),
    run: (instanceId) => evacuateAction({ instanceId }),
  },
  delete: {
    label: "Delete",
    title: (t) => `Delete ${t.name}?`,
    body: (t) => <>{t.name}, its container and everything written inside it are removed. This cannot be undone.</>,
    run: (instanceId) => deleteAction({ instanceId }),
  },
};

const LABELS: Record<AdminListAction, string> = {
  "reset-state": "Reset state…",
  migrate: "Migrate…",
  evacuate: "Evacuate…",
  lock: "Lock",
  unlock: "Unlock",
  delete: "Delete…",
};

/** The admin's actions on one instance: a menu, a question before anything destructive, the refusal if any. */
export function InstanceAdminActions({ target }: { target: Target }) {
  const [confirming, setConfirming] = useState<Confirmable | null>(null);
  const [resetting, setResetting] = useState(false);
  const action = useAdminAction((run: () => Promise<ActionResult<unknown>>) => run());

  const items: MenuItem[] = target.actions.map((a) => ({
    key: a,
    label: LABELS[a],
    danger: a === "delete" || a === "evacuate",
    onSelect: () => {
      if (a === "reset-state") setResetting(true);
      else if (a === "lock" || a === "unlock") action.run(() => lockAction({ instanceId: target.id, locked: a === "lock" }));
      else setConfirming(a);
    },
  }));

  const confirm = confirming && CONFIRM[confirming];
  return (
    <div className="flex flex-col items-end gap-1">
      <Menu label={`Actions for ${target.name}`} items={items}>
        {action.pending ? <span className="text-xs">Working…</span> : <span aria-hidden>⋯</span>}
      </Menu>
      {action.error && (
        <span role="alert" className="max-w-64 text-right text-xs break-words whitespace-normal text-red-700">
          {action.error.message}
        </span>
      )}
      {confirm && (
        <ConfirmDialog
          open
          title={confirm.title(target)}
          confirmLabel={confirm.label}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            action.run(() => confirm.run(target.id));
          }}
        >
          {confirm.body(target)}
        </ConfirmDialog>
      )}
      {resetting && <ResetStateDialog target={target} onClose={() => setResetting(false)} />}
    </div>
  );
}

function ResetStateDialog({ target, onClose }: { target: Target; onClose: () => void }) {
  const reset = useAdminAction(resetStateAction);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const state = new FormData(event.currentTarget).get("state") === "error" ? "error" : "active";
    reset.run({ instanceId: target.id, state }, onClose);
  }
  return (
    <Dialog open onClose={onClose} title={`Reset the state of ${target.name}`} description="Clears a stuck task and sets the state Berth records. Docker is not touched.">
      <form onSubmit={submit} className="space-y-3 px-4 py-3">
        <ActionAlert error={reset.error} />
        <SelectField id={`state-${target.id}`} name="state" label="New state" defaultValue="active" error={reset.error?.fields?.state}>
          <option value="active">active (and clear the fault)</option>
          <option value="error">error</option>
        </SelectField>
        <DialogButtons onCancel={onClose} pending={reset.pending} pendingLabel="Resetting…" variant="danger">
          Reset state
        </DialogButtons>
      </form>
    </Dialog>
  );
}
