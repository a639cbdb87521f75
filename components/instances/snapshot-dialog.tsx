"use client";

import Link from "next/link";
import type { FormEvent } from "react";
import { DialogButtons } from "@/components/admin/dialog-buttons";
import { ActionAlert, ActionDone, fieldError, InputField } from "@/components/admin/form-fields";
import { formValues } from "@/components/admin/form-values";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { projectPath } from "@/components/shell/project-sections";
import { buttonClass } from "@/components/ui/button-class";
import { Dialog } from "@/components/ui/dialog";
import type { SnapshotCall } from "./instance-actions";

/**
 * Asks for the new image's name, then says where it went: the snapshot is accepted at once and
 * listed in Images as saving until the job has stored it.
 */
export function SnapshotDialog({
  projectId,
  instance,
  snapshot,
  onClose,
}: {
  projectId: string;
  instance: { id: string; name: string };
  snapshot: SnapshotCall;
  onClose: () => void;
}) {
  // Checked by the server only: the instance pages stay without zod in the browser (see bench:bundle).
  const request = useAdminAction((input: { instanceId: string; name: string }) => snapshot(projectId, input));
  const id = `snapshot-${instance.id}-name`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.run({ instanceId: instance.id, name: formValues(event.currentTarget).text("name") });
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Create a snapshot of ${instance.name}`}
      description="Its container's files and settings become a new private image of this project."
    >
      {request.data ? (
        <div className="space-y-3 px-4 py-3">
          <ActionDone>
            Snapshot {request.data.name} requested: it is saving, and turns active in Images once it is stored.
          </ActionDone>
          <div className="flex justify-end gap-2">
            <Link href={projectPath(projectId, "images")} className={buttonClass("secondary")}>
              Open Images
            </Link>
            <button type="button" onClick={onClose} className={buttonClass("primary")} autoFocus>
              Close
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-3 px-4 py-3">
          <ActionAlert error={request.error} placed={["name"]} />
          <InputField
            id={id}
            name="name"
            label="Snapshot name"
            defaultValue={`${instance.name}-snapshot`}
            required
            maxLength={128}
            error={fieldError(request.error, "name")}
            hint="The image's name in this project's Images."
          />
          <DialogButtons onCancel={onClose} pending={request.pending} pendingLabel="Requesting…">
            Create snapshot
          </DialogButtons>
        </form>
      )}
    </Dialog>
  );
}
