/** Formatting for sizes, counts and times, the same way on every page. */

const SIZE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"] as const;
export type SizeUnit = (typeof SIZE_UNITS)[number];

const decimal = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
const count = new Intl.NumberFormat("en");

function bytesPer(unit: SizeUnit): number {
  return 1024 ** SIZE_UNITS.indexOf(unit);
}

/** The largest unit in which `bytes` is still at least 1. */
function unitFor(bytes: number): SizeUnit {
  let index = 0;
  while (index < SIZE_UNITS.length - 1 && Math.abs(bytes) >= 1024 ** (index + 1)) index++;
  return SIZE_UNITS[index];
}

function amount(value: number): string {
  const text = decimal.format(value);
  // A small but real amount must not read as nothing.
  return value > 0 && text === "0" ? "< 0.01" : text;
}

export function formatCount(value: number): string {
  return count.format(value);
}

/** `formatSize(1536, "MiB")` → "1.5 GiB". */
export function formatSize(value: number | bigint, unit: SizeUnit = "B"): string {
  if (Number(value) === 0) return `0 ${unit}`;
  const bytes = Number(value) * bytesPer(unit);
  const shown = unitFor(bytes);
  return `${amount(bytes / bytesPer(shown))} ${shown}`;
}

function isSizeUnit(unit: string): unit is SizeUnit {
  return (SIZE_UNITS as readonly string[]).includes(unit);
}

/**
 * Used and limit in the limit's unit, so the pair reads at a glance: "0.5 / 50 GiB", "3 / 10".
 * A negative limit means unlimited, as in Nova.
 */
export function formatUsage(used: number, limit: number, unit: string): string {
  if (limit < 0) {
    const amountUsed = isSizeUnit(unit) ? formatSize(used, unit) : `${formatCount(used)}${unit && ` ${unit}`}`;
    return `${amountUsed} / unlimited`;
  }
  if (!unit) return `${formatCount(used)} / ${formatCount(limit)}`;
  if (!isSizeUnit(unit)) return `${formatCount(used)} / ${formatCount(limit)} ${unit}`;
  const shown = unitFor(limit * bytesPer(unit));
  const scale = bytesPer(unit) / bytesPer(shown);
  return `${amount(used * scale)} / ${amount(limit * scale)} ${shown}`;
}

const fixed = new Intl.NumberFormat("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Always two decimals, so a column of figures lines up and does not jitter as values change: "1,234.50". */
export function formatFixed(value: number): string {
  return fixed.format(value);
}

/** A duration in the one unit that matters: "42 s", "5 min", "3 h", "12 d". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** A timestamp that reads the same on every machine: "2026-11-23 12:34:56 UTC". */
export function formatTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
