import { fieldError, InputField, SelectField } from "@/components/admin/form-fields";
import type { formValues } from "@/components/admin/form-values";
import type { ActionError } from "@/lib/actions/action-client";
import { commandLine, commandOf } from "./command-line";

type FormValues = ReturnType<typeof formValues>;

export type ImageFieldValues = {
  kind: "machine" | "application" | null;
  minRamMiB: number;
  minDiskGiB: number;
  command: string[] | null;
  /** What the archive runs, shown while the command field is blank. */
  archiveCommand: string[] | null;
};

/** The metadata an image is uploaded with and later edited: the same fields in both dialogs. */
export function ImageFields({ idPrefix, values, error }: { idPrefix: string; values: ImageFieldValues; error: ActionError | null }) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <SelectField
        id={id("kind")}
        name="kind"
        label="Kind"
        defaultValue={values.kind ?? ""}
        error={fieldError(error, "kind")}
        hint="Machine: a shell on a console, kept running. Application: runs its command. Launches of it start as this kind."
      >
        {!values.kind && <option value="">not set</option>}
        <option value="application">application</option>
        <option value="machine">machine</option>
      </SelectField>
      <div className="grid grid-cols-2 gap-3">
        <InputField id={id("minRamMiB")} name="minRamMiB" label="Minimum RAM (MiB)" type="number" min={0} step={1} defaultValue={values.minRamMiB} error={fieldError(error, "minRamMiB")} />
        <InputField id={id("minDiskGiB")} name="minDiskGiB" label="Minimum disk (GiB)" type="number" min={0} step={1} defaultValue={values.minDiskGiB} error={fieldError(error, "minDiskGiB")} />
      </div>
      <InputField
        id={id("command")}
        name="command"
        label="Default command (optional)"
        className="font-mono text-xs"
        defaultValue={commandLine(values.command)}
        placeholder={commandLine(values.archiveCommand)}
        error={fieldError(error, "command")}
        hint="Runs when a launch gives none, in place of the archive's own. Blank: the archive's."
      />
    </>
  );
}

/** The fields `ImageFields` shows errors beside. */
export const IMAGE_FIELDS = ["kind", "minRamMiB", "minDiskGiB", "command"] as const;

/** What the form's `ImageFields` hold, in the shape the image schemas check; a blank command gives none. */
export function imageFieldsOf(v: FormValues) {
  return {
    kind: (v.text("kind") || undefined) as "machine" | "application" | undefined,
    minRamMiB: v.number("minRamMiB"),
    minDiskGiB: v.number("minDiskGiB"),
    command: commandOf(v.text("command")),
  };
}
