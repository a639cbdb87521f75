export type AuditChange = { key: string; before: string; after: string };

// Bookkeeping every update touches; showing it would bury what changed.
const NOISE = new Set(["updatedAt", "createdAt"]);

function show(value: unknown): string {
  if (value === undefined) return "—";
  if (value === null) return "null";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function fields(record: unknown): Record<string, unknown> {
  return record && typeof record === "object" && !Array.isArray(record) ? (record as Record<string, unknown>) : {};
}

/**
 * What an audit event changed, field by field: every key whose value differs between the record
 * before and after (a creation lists what it was created with, a removal what it held).
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const b = fields(before);
  const a = fields(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((key) => !NOISE.has(key));
  return keys
    .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
    .map((key) => ({ key, before: show(b[key]), after: show(a[key]) }));
}
