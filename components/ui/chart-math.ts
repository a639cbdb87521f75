/** The arithmetic behind Berth's small charts, kept apart from the markup so it can be tested. */

/** How full a used / limit pair is, between 0 and 1; null when the limit is negative (unlimited, as in Nova). */
export function usageFraction(used: number, limit: number): number | null {
  if (limit < 0) return null;
  if (limit === 0) return used > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, used / limit));
}

export type UsageLevel = "calm" | "high" | "full";

/** Calm below 70 %, high from 70 %, full from 90 %: the same thresholds on every bar and ring. */
export function usageLevel(fraction: number | null): UsageLevel {
  if (fraction === null || fraction < 0.7) return "calm";
  return fraction < 0.9 ? "high" : "full";
}

/**
 * The share a used / limit pair takes, as people read it: "0%", "< 1%" for a small but real amount,
 * "100%" only when truly full (never rounded up to it), the real figure above a lowered limit
 * ("120%"), and "∞" when unlimited.
 */
export function usagePercentLabel(used: number, limit: number): string {
  if (limit < 0) return "∞";
  if (used <= 0) return "0%";
  if (limit === 0) return "> 100%";
  const percent = (used / limit) * 100;
  if (percent < 1) return "< 1%";
  if (percent > 99 && percent < 100) return "99%";
  return `${Math.round(percent)}%`;
}

/**
 * `stroke-dasharray` for a ring of radius `radius` filled to `fraction`: the drawn arc, then the
 * rest of the circumference. A sliver stays visible for any real amount.
 */
export function ringDash(fraction: number, radius: number): string {
  const circumference = 2 * Math.PI * radius;
  const minimum = fraction > 0 ? Math.min(circumference, 2) : 0;
  const arc = Math.max(minimum, circumference * Math.min(1, Math.max(0, fraction)));
  return `${round(arc)} ${round(circumference - arc)}`;
}

/** Widths in percent for bars that compare counts with the largest one; an empty set gives nothing. */
export function barWidths(counts: number[]): number[] {
  const largest = Math.max(0, ...counts);
  return counts.map((value) => (largest > 0 ? round((Math.max(0, value) / largest) * 100) : 0));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The colour of each level as a text colour, so bars (`bg-current`) and rings (`stroke-current`) share it. */
export const USAGE_LEVEL_COLOR: Record<UsageLevel, string> = {
  calm: "text-sky-600",
  high: "text-amber-500",
  full: "text-red-500",
};
