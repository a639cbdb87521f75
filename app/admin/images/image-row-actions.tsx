"use client";

import { useState, type FormEvent } from "react";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { ActionAlert, CheckboxField, InputField, SelectField } from "@/components/admin/form-fields";
import { formValues } from "@/components/admin/form-values";
import { DialogButtons } from "@/components/admin/dialog-buttons";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { buttonClass } from "@/components/ui/button-class";
import { Dialog } from "@/components/ui/dialog";
import { updateImageSchema } from "@/lib/images/image-schema";
import { deleteImageAction, updateImageAction } from "./actions";

type ImageSettings = {
  id: string;
  name: string;
  visibility: "public" | "private" | "shared";
  protected: boolean;
  minRamMiB: number;
  minDiskGiB: number;
};

/** Edit (visibility, protection, minimums) and delete, for one image of any project. */
export function ImageRowActions({ image }: { image: ImageSettings }) {
  const [editing, setEditing] = useState(false);
  return (
    <div className="flex flex-wrap items-start justify-end gap-2">
      <button type="button" onClick={() => setEditing(true)} className={buttonClass("secondary")}>
        Edit<span className="sr-only"> {image.name}</span>
      </button>
      <ConfirmAction
        label="Delete"
        pendingLabel="Deleting…"
        title={`Delete image ${image.name}?`}
        confirmLabel="Delete image"
        run={() => deleteImageAction({ imageId: image.id })}
      >
        No one can launch {image.name} any more; its archive is removed from the image store and the hosts.
      </ConfirmAction>
      {editing && <EditImageDialog image={image} onClose={() => setEditing(false)} />}
    </div>
  );
}

function EditImageDialog({ image, onClose }: { image: ImageSettings; onClose: () => void }) {
  const save = useAdminAction(updateImageAction, updateImageSchema);
  const field = (name: string) => save.error?.fields?.[name];
  const id = (name: string) => `image-${image.id}-${name}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    save.run(
      {
        imageId: image.id,
        name: v.text("name"),
        visibility: v.text("visibility") as ImageSettings["visibility"],
        protected: v.text("protected") === "on",
        minRamMiB: v.number("minRamMiB"),
        minDiskGiB: v.number("minDiskGiB"),
      },
      onClose,
    );
  }

  return (
    <Dialog open onClose={onClose} title={`Edit image ${image.name}`}>
      <form onSubmit={submit} noValidate className="space-y-3 overflow-y-auto px-4 py-3">
        <ActionAlert error={save.error} />
        <InputField id={id("name")} name="name" label="Name" defaultValue={image.name} required error={field("name")} />
        <SelectField
          id={id("visibility")}
          name="visibility"
          label="Visibility"
          defaultValue={image.visibility}
          error={field("visibility")}
          hint="Public: every project. Shared: its project and the projects it is shared with. Private: its project only."
        >
          <option value="public">public</option>
          <option value="shared">shared</option>
          <option value="private">private</option>
        </SelectField>
        <CheckboxField id={id("protected")} name="protected" label="Protected" defaultChecked={image.protected} hint="A protected image cannot be deleted." />
        <div className="grid grid-cols-2 gap-3">
          <InputField id={id("minRamMiB")} name="minRamMiB" label="Minimum RAM (MiB)" type="number" min={0} step={1} defaultValue={image.minRamMiB} error={field("minRamMiB")} />
          <InputField id={id("minDiskGiB")} name="minDiskGiB" label="Minimum disk (GiB)" type="number" min={0} step={1} defaultValue={image.minDiskGiB} error={field("minDiskGiB")} />
        </div>
        <DialogButtons onCancel={onClose} pending={save.pending} pendingLabel="Saving…">
          Save
        </DialogButtons>
      </form>
    </Dialog>
  );
}
