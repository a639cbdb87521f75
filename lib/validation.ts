import type { z } from "zod";
import { BerthError } from "@/lib/errors";

/** Parses input with a zod schema; a failure becomes INVALID_INPUT naming each bad field and why. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = "input"): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
  const summary = Object.entries(fields).map(([f, m]) => (f === "_" ? m : `${f}: ${m}`)).join("; ");
  throw new BerthError("INVALID_INPUT", `Invalid ${what}: ${summary}`, fields);
}
