import { launchSchema, type LaunchInput } from "@/lib/instances/launch-schema";

/** The wizard's fields as typed: strings and rows, turned into a launch request only at the end. */
export type KeyValueRow = { key: string; value: string };

export type LaunchForm = {
  name: string;
  count: string;
  maxCount: string;
  availabilityZone: string;
  /** Server group id; "": none. */
  serverGroupId: string;
  /** In the order chosen (the first is the primary); null until changed: the project's default network. */
  networkIds: string[] | null;
  kind: "machine" | "application";
  imageId: string;
  flavorId: string;
  command: string;
  workingDir: string;
  env: KeyValueRow[];
  labels: KeyValueRow[];
};

export const LAUNCH_STEPS = [
  { id: "details", label: "Details" },
  { id: "source", label: "Source" },
  { id: "flavor", label: "Flavor" },
  { id: "configuration", label: "Configuration" },
  { id: "review", label: "Review" },
] as const;

export type LaunchStep = (typeof LAUNCH_STEPS)[number]["id"];

export function emptyLaunchForm(imageId = ""): LaunchForm {
  return {
    name: "",
    count: "1",
    maxCount: "",
    availabilityZone: "",
    serverGroupId: "",
    networkIds: null,
    kind: "machine",
    imageId,
    flavorId: "",
    command: "",
    workingDir: "",
    env: [],
    labels: [],
  };
}

/** The networks the form launches on, in order: those chosen, else the project's default one. */
export function networksOf(form: LaunchForm, networks: { id: string; isDefault: boolean }[]): string[] {
  return form.networkIds ?? networks.filter((network) => network.isDefault).map((network) => network.id);
}

/** Ticking a network puts it last (the first ticked stays the primary); unticking takes it out. */
export function withNetwork(chosen: string[], networkId: string, on: boolean): string[] {
  const others = chosen.filter((id) => id !== networkId);
  return on ? [...others, networkId] : others;
}

/**
 * Splits a command line into arguments the way a shell would for plain words and quotes
 * (`sh -c "echo hi"` → ["sh", "-c", "echo hi"]); no variables, globs or escapes beyond `\"`.
 */
export function splitCommand(line: string): string[] {
  const args: string[] = [];
  let current = "";
  let quote: '"' | "'" | null = null;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote) {
      if (char === quote) quote = null;
      else if (char === "\\" && quote === '"' && line[i + 1] === '"') current += line[++i];
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (/\s/.test(char)) {
      if (started) args.push(current);
      current = "";
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (started) args.push(current);
  return args;
}

function rowsToRecord(rows: KeyValueRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((row) => row.key.trim() !== "").map((row) => [row.key.trim(), row.value]));
}

function count(text: string): number | undefined {
  return text.trim() === "" ? undefined : Number(text);
}

export function countOf(form: LaunchForm): number {
  const n = count(form.count);
  return n !== undefined && Number.isInteger(n) && n > 0 ? n : 1;
}

/** The launch request the form describes, in the shape `launchSchema` checks. */
export function toLaunchInput(form: LaunchForm): LaunchInput {
  const command = splitCommand(form.command);
  return {
    name: form.name,
    imageId: form.imageId,
    flavorId: form.flavorId,
    kind: form.kind,
    minCount: count(form.count),
    maxCount: count(form.maxCount),
    availabilityZone: form.availabilityZone || undefined,
    networkIds: form.networkIds ?? undefined,
    serverGroupId: form.serverGroupId || undefined,
    command: command.length ? command : undefined,
    workingDir: form.workingDir.trim() || undefined,
    env: rowsToRecord(form.env),
    labels: rowsToRecord(form.labels),
  };
}

const FIELD_STEP: Record<string, LaunchStep> = {
  name: "details",
  minCount: "details",
  maxCount: "details",
  availabilityZone: "details",
  serverGroupId: "details",
  kind: "details",
  imageId: "source",
  flavorId: "flavor",
};

const FIELD_LABEL: Record<string, string> = {
  name: "Instance name",
  minCount: "Count",
  maxCount: "Up to",
  availabilityZone: "Availability zone",
  serverGroupId: "Server group",
  networkIds: "Networks",
  kind: "Kind",
  imageId: "Image",
  flavorId: "Flavor",
  command: "Command",
  workingDir: "Working directory",
  env: "Environment variables",
  labels: "Labels",
};

/** What the wizard calls a field the schema names "flavorId" or "env.PATH". */
export function fieldLabel(field: string): string {
  return FIELD_LABEL[field.split(".")[0]] ?? field;
}

/** The step a field (as the schema or the server names it: "env.PATH", "flavorId") is edited on. */
export function stepOf(field: string): LaunchStep {
  return FIELD_STEP[field.split(".")[0]] ?? "configuration";
}

export type FieldErrors = Record<string, string>;

/** The schema's complaints about the form, one per field, keyed as the schema names the field. */
export function launchFormErrors(form: LaunchForm): FieldErrors {
  const parsed = launchSchema.safeParse(toLaunchInput(form));
  const errors: FieldErrors = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) errors[issue.path.join(".") || "_"] ??= issue.message;
  return errors;
}

/** The errors that belong to one step, with the field each is about. */
export function errorsOnStep(errors: FieldErrors, step: LaunchStep): [string, string][] {
  return Object.entries(errors).filter(([field]) => stepOf(field) === step);
}
