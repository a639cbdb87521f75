"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { ActionAlert, fieldError, InputField } from "@/components/admin/form-fields";
import { formValues } from "@/components/admin/form-values";
import { buttonClass } from "@/components/ui/button-class";
import { Dialog } from "@/components/ui/dialog";
import { OpenDialogButton } from "@/components/ui/open-dialog-button";
import { formatSize } from "@/components/ui/format";
import type { ActionError } from "@/lib/actions/action-client";
import { isBerthError } from "@/lib/errors";
import { newImageSchema, type NewImageInput } from "@/lib/images/upload-schema";
import { parseInput } from "@/lib/validation";
import { IMAGE_FIELDS, ImageFields, imageFieldsOf } from "./image-fields";
import { uploadArchive, type UploadedImage, type UploadProgress } from "./upload-request";

const FIELDS = ["file", "name", ...IMAGE_FIELDS];

/** `ubuntu-22.04.tar` → `ubuntu-22.04`: what the archive is most likely called. */
function nameFromFile(fileName: string): string {
  return fileName.replace(/\.(tar|tar\.gz|tgz)$/i, "");
}

/** The Upload button of the Images page, its dialog, and the word on how the last upload went. */
export function UploadImage({ projectId }: { projectId: string }) {
  const router = useRouter();
  return (
    <OpenDialogButton
      label="Upload image"
      dialog={(close) => (
        <UploadDialog
          projectId={projectId}
          onClose={() => close()}
          onUploaded={(image) => {
            close(`Uploaded ${image.name} (${formatSize(image.sizeBytes)}): ${image.status}.`);
            router.refresh();
          }}
          // A refused or cancelled upload can leave its image listed as killed, saying why.
          onFailed={() => router.refresh()}
        />
      )}
    />
  );
}

function UploadDialog({
  projectId,
  onClose,
  onUploaded,
  onFailed,
}: {
  projectId: string;
  onClose: () => void;
  onUploaded: (image: UploadedImage) => void;
  onFailed: () => void;
}) {
  const [name, setName] = useState("");
  const nameTyped = useRef(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const cancel = useRef<(() => void) | null>(null);
  const uploading = progress !== null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
    const input: NewImageInput = { name: v.text("name"), ...imageFieldsOf(v) };
    try {
      parseInput(newImageSchema, input, "image");
    } catch (refusal) {
      if (!isBerthError(refusal)) throw refusal;
      return setError({ code: refusal.code, message: refusal.message, fields: refusal.fields });
    }
    if (!file) return setError({ code: "INVALID_INPUT", message: "Choose a file.", fields: { file: "choose the archive `docker save` wrote (a .tar file)" } });

    setError(null);
    setCancelled(false);
    setProgress({ sent: 0, total: file.size });
    const upload = uploadArchive(projectId, input, file, setProgress);
    cancel.current = upload.cancel;
    const outcome = await upload.done;
    cancel.current = null;
    setProgress(null);
    if (outcome.kind === "uploaded") return onUploaded(outcome.image);
    if (outcome.kind === "cancelled") setCancelled(true);
    else setError(outcome.error);
    onFailed();
  }

  return (
    <Dialog
      open
      onClose={() => {
        cancel.current?.();
        onClose();
      }}
      title="Upload an image"
      description={
        <>
          The file <code className="font-mono text-xs">docker save</code> writes, for one image. It is checked as it arrives.
        </>
      }
    >
      <form onSubmit={(event) => void submit(event)} noValidate className="space-y-3 overflow-y-auto px-4 py-3">
        <ActionAlert error={error} placed={FIELDS} />
        {cancelled && (
          <p role="status" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-slate-700">
            Upload cancelled.
          </p>
        )}
        <fieldset disabled={uploading} className="space-y-3">
          <InputField
            id="upload-file"
            name="file"
            label="Archive"
            type="file"
            accept=".tar,application/x-tar"
            required
            error={fieldError(error, "file")}
            hint="Made with: docker save -o image.tar name:tag"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file && !nameTyped.current) setName(nameFromFile(file.name));
            }}
            className="text-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-2 file:py-1"
          />
          <InputField
            id="upload-name"
            name="name"
            label="Name"
            required
            maxLength={128}
            value={name}
            onChange={(event) => {
              nameTyped.current = true;
              setName(event.target.value);
            }}
            error={fieldError(error, "name")}
          />
          <ImageFields idPrefix="upload" values={{ kind: "application", minRamMiB: 0, minDiskGiB: 0, command: null, archiveCommand: null }} error={error} />
        </fieldset>
        {progress && <UploadMeter progress={progress} />}
        <div className="flex justify-end gap-2 pt-1">
          {uploading ? (
            <button type="button" onClick={() => cancel.current?.()} className={buttonClass("secondary")}>
              Cancel upload
            </button>
          ) : (
            <>
              <button type="button" onClick={onClose} className={buttonClass("secondary")}>
                Cancel
              </button>
              <button type="submit" className={buttonClass("primary")}>
                Upload
              </button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
}

function UploadMeter({ progress: { sent, total } }: { progress: UploadProgress }) {
  const percent = total ? Math.floor((sent / total) * 100) : 0;
  const sentAll = total > 0 && sent >= total;
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label="Upload progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${formatSize(sent)} of ${formatSize(total)} sent`}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-sky-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p role="status" className="flex justify-between text-xs text-slate-600 tabular-nums">
        <span>{sentAll ? "All sent; the server is finishing its checks…" : `${formatSize(sent)} of ${formatSize(total)} sent`}</span>
        <span>{percent} %</span>
      </p>
    </div>
  );
}
