"use client";

import { useState, type FormEvent } from "react";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { DialogButtons } from "@/components/admin/dialog-buttons";
import { ActionAlert, CheckboxField, fieldError, InputField, SelectField } from "@/components/admin/form-fields";
import { formValues } from "@/components/admin/form-values";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { buttonClass } from "@/components/ui/button-class";
import { Dialog } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/actions/action-client";
import { updateImageSchema, type UpdateImageInput } from "@/lib/images/image-schema";
import { IMAGE_FIELDS, ImageFields, imageFieldsOf, type ImageFieldValues } from "./image-fields";

export type UpdateImageCall = (input: UpdateImageInput & { imageId: string }) => Promise<ActionResult<void>>;
export type DeleteImageCall = (input: { imageId: string }) => Promise<ActionResult<void>>;

/** What the edit dialog shows of an image: plain JSON, for the browser. */
export type ImageSettings = ImageFieldValues & {
  id: string;
  name: string;
  visibility: "public" | "private" | "shared";
  protected: boolean;
};

const FIELDS = ["name", "visibility", ...IMAGE_FIELDS];

/**
 * Edit and Delete for one image, wherever images are managed: a project's own images, or any
 * image in the admin console (which may also make one public).
 */
export function ImageRowActions({
  image,
  update,
  remove,
  mayPublish,
}: {
  image: ImageSettings;
  update?: UpdateImageCall;
  remove?: DeleteImageCall;
  mayPublish: boolean;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <div className="flex flex-wrap items-start justify-end gap-2">
      {update && (
        <button type="button" onClick={() => setEditing(true)} className={buttonClass("secondary", "px-2 py-1 text-xs")}>
          Edit<span className="sr-only"> {image.name}</span>
        </button>
      )}
      {remove && (
        <ConfirmAction
          label="Delete"
          pendingLabel="Deleting…"
          title={`Delete image ${image.name}?`}
          confirmLabel="Delete image"
          run={() => remove({ imageId: image.id })}
        >
          No one can launch {image.name} any more; its archive is removed from the image store and the hosts.
        </ConfirmAction>
      )}
      {editing && update && <EditImageDialog image={image} update={update} mayPublish={mayPublish} onClose={() => setEditing(false)} />}
    </div>
  );
}

function EditImageDialog({ image, update, mayPublish, onClose }: { image: ImageSettings; update: UpdateImageCall; mayPublish: boolean; onClose: () => void }) {
  const save = useAdminAction(update, updateImageSchema);
  const id = (name: string) => `image-${image.id}-${name}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    const fields = imageFieldsOf(v);
    save.run(
      {
        imageId: image.id,
        name: v.text("name"),
        visibility: v.text("visibility") as ImageSettings["visibility"],
        protected: v.text("protected") === "on",
        ...fields,
        // Blank takes the owner's command away: the archive's own runs again.
        command: fields.command ?? null,
      },
      onClose,
    );
  }

  return (
    <Dialog open onClose={onClose} title={`Edit image ${image.name}`}>
      <form onSubmit={submit} noValidate className="space-y-3 overflow-y-auto px-4 py-3">
        <ActionAlert error={save.error} placed={FIELDS} />
        <InputField id={id("name")} name="name" label="Name" defaultValue={image.name} required maxLength={128} error={fieldError(save.error, "name")} />
        <SelectField
          id={id("visibility")}
          name="visibility"
          label="Visibility"
          defaultValue={image.visibility}
          error={fieldError(save.error, "visibility")}
          hint={`Public: every project. Shared: its project and the projects it is shared with. Private: its project only.${mayPublish ? "" : " Only an administrator can make an image public."}`}
        >
          {(mayPublish || image.visibility === "public") && <option value="public">public</option>}
          <option value="shared">shared</option>
          <option value="private">private</option>
        </SelectField>
        <ImageFields idPrefix={`image-${image.id}`} values={image} error={save.error} />
        <CheckboxField id={id("protected")} name="protected" label="Protected" defaultChecked={image.protected} hint="A protected image cannot be deleted." />
        <DialogButtons onCancel={onClose} pending={save.pending} pendingLabel="Saving…">
          Save
        </DialogButtons>
      </form>
    </Dialog>
  );
}
