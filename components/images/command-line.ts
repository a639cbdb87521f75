import { splitCommand } from "@/components/instances/launch-wizard/launch-form";

/** A command as one line that `splitCommand` reads back to the same arguments. */
export function commandLine(args: readonly string[] | null): string {
  return (args ?? []).map((arg) => (arg !== "" && !/[\s"']/.test(arg) ? arg : `"${arg.replaceAll('"', '\\"')}"`)).join(" ");
}

/** A command field's arguments; a blank field gives none. */
export function commandOf(line: string): string[] | undefined {
  const args = splitCommand(line);
  return args.length ? args : undefined;
}
