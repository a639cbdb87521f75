/**
 * The period a usage summary covers, read from a URL so the same view can be shared and the
 * CSV download covers exactly what the page shows. Days are UTC days, like every time Berth
 * shows: a custom period runs from the start of `from` to the end of `to` (both included).
 */

export const USAGE_PRESETS = {
  "24h": "24 hours",
  "7d": "7 days",
  "30d": "30 days",
  month: "This month",
} as const;

export type UsagePreset = keyof typeof USAGE_PRESETS;

export const DEFAULT_USAGE_PRESET: UsagePreset = "month";

/** What the URL says: `?period=7d`, or `?from=2026-11-01&to=2026-11-15` for a custom period. */
export type UsagePeriodQuery = { period?: string; from?: string; to?: string };

export type UsagePeriod = {
  preset: UsagePreset | "custom";
  /** Inclusive start. */
  from: Date;
  /** Exclusive end. */
  to: Date;
  /** The query that gives this period again, for links and the CSV download. */
  query: Record<string, string>;
};

export type UsagePeriodField = "period" | "from" | "to";

export type ParsedUsagePeriod =
  | { ok: true; period: UsagePeriod }
  | { ok: false; field: UsagePeriodField; message: string };

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
const ROLLING_HOURS: Record<Exclude<UsagePreset, "month">, number> = { "24h": 24, "7d": 7 * 24, "30d": 30 * 24 };
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isPreset(value: string): value is UsagePreset {
  return Object.hasOwn(USAGE_PRESETS, value);
}

/** Midnight UTC of a `YYYY-MM-DD` day, or null when the text is not a real day (2026-02-30). */
export function parseDay(text: string): Date | null {
  const match = DAY_PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function oneYearAfter(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear() + 1, date.getUTCMonth(), date.getUTCDate()));
}

function presetPeriod(preset: UsagePreset, now: Date): UsagePeriod {
  const from =
    preset === "month"
      ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))
      : new Date(now.getTime() - ROLLING_HOURS[preset] * HOUR_MS);
  return { preset, from, to: now, query: { period: preset } };
}

function customPeriod(fromText: string | undefined, toText: string | undefined): ParsedUsagePeriod {
  if (!fromText) return { ok: false, field: "from", message: "Choose the first day of the period." };
  if (!toText) return { ok: false, field: "to", message: "Choose the last day of the period." };
  const from = parseDay(fromText);
  if (!from) return { ok: false, field: "from", message: `"${fromText}" is not a day; write it as YYYY-MM-DD.` };
  const lastDay = parseDay(toText);
  if (!lastDay) return { ok: false, field: "to", message: `"${toText}" is not a day; write it as YYYY-MM-DD.` };
  if (from > lastDay) {
    return { ok: false, field: "from", message: `The period starts (${fromText}) after it ends (${toText}).` };
  }
  const to = new Date(lastDay.getTime() + DAY_MS);
  if (to > oneYearAfter(from)) {
    const days = Math.round((to.getTime() - from.getTime()) / DAY_MS);
    return { ok: false, field: "to", message: `A period can cover at most one year; this one covers ${days} days.` };
  }
  return { ok: true, period: { preset: "custom", from, to, query: { from: fromText, to: toText } } };
}

/** Reads a usage period from the URL; no period at all means this month so far. */
export function parseUsagePeriod(query: UsagePeriodQuery, now = new Date()): ParsedUsagePeriod {
  if (query.from !== undefined || query.to !== undefined || query.period === "custom") {
    return customPeriod(query.from || undefined, query.to || undefined);
  }
  const preset = query.period || DEFAULT_USAGE_PRESET;
  if (!isPreset(preset)) {
    const choices = Object.keys(USAGE_PRESETS).join(", ");
    return { ok: false, field: "period", message: `"${preset}" is not a period Berth knows; choose ${choices} or custom days.` };
  }
  return { ok: true, period: presetPeriod(preset, now) };
}

/** First value of each period parameter, as both Next's `searchParams` and `URLSearchParams` give them. */
export function usagePeriodQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): UsagePeriodQuery {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  return { period: get("period"), from: get("from"), to: get("to") };
}

/** A period's ends as short stamps: whole UTC days as `2026-11-01`, other instants as `2026-11-23T1310Z`. */
export function periodStamps(period: UsagePeriod): { from: string; to: string } {
  if (period.preset === "custom") return { from: period.query.from, to: period.query.to };
  const stamp = (date: Date) =>
    date.getTime() % DAY_MS === 0 ? formatDay(date) : `${formatDay(date)}T${date.toISOString().slice(11, 16).replace(":", "")}Z`;
  return { from: stamp(period.from), to: stamp(period.to) };
}

/** `usage-demo-2026-11-01-2026-11-23T1310Z.csv`: safe in a header and on any file system. */
export function usageCsvFilename(projectName: string, period: UsagePeriod): string {
  const project = projectName.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "project";
  const { from, to } = periodStamps(period);
  return `usage-${project}-${from}-${to}.csv`;
}
