import { cursorOf, type LogCursor, type LogLine } from "@/lib/instances/log-lines";
import { plainText } from "./ansi";

/** A line of the viewer; `gap` marks where lines were printed too fast to be shown. */
export type ViewLine = LogLine & { gap?: true };

/**
 * The lines the viewer holds, at most `cap`: live lines join at the bottom (the oldest fall off
 * the top when it is full), older pages join at the top (only while there is room). Mutable, as a
 * window of 200,000 lines must not be copied for every batch; `version` changes with every edit.
 */
export class LogWindow {
  lines: ViewLine[] = [];
  version = 0;

  constructor(readonly cap: number) {}

  get full(): boolean {
    return this.lines.length >= this.cap;
  }

  /** Adds live lines at the bottom, after a gap marker when some were missed; returns how many fell off the top. */
  append(lines: readonly LogLine[], gap = false): number {
    if (!lines.length) return 0;
    if (gap) this.lines.push({ ts: lines[0].ts, text: "", gap: true });
    for (const line of lines) this.lines.push(line);
    const over = Math.max(0, this.lines.length - this.cap);
    if (over) this.lines.splice(0, over);
    this.version++;
    return over;
  }

  /** Adds older lines at the top, as many as there is room for (the newest of them); returns how many. */
  prepend(lines: readonly LogLine[]): number {
    const room = Math.max(0, this.cap - this.lines.length);
    const taken = lines.slice(Math.max(0, lines.length - room));
    if (taken.length) {
      this.lines.unshift(...taken);
      this.version++;
    }
    return taken.length;
  }

  private real(): LogLine[] {
    return this.lines.filter((line) => !line.gap);
  }

  /** Where the window starts, for asking for older lines; and how many lines run from there to its end. */
  start(): { before: LogCursor; skip: number } | null {
    const real = this.real();
    const before = cursorOf(real, "first");
    return before && { before, skip: real.length };
  }

  /** Where the window ends, for following on from it. */
  end(): LogCursor | null {
    return cursorOf(this.real(), "last");
  }
}

/**
 * A case-insensitive pattern for `query` taken literally; null for an empty query. Not global: a
 * global pattern carries a position from one use to the next.
 */
export function searchPattern(query: string): RegExp | null {
  return query ? new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i") : null;
}

/** The indices of the lines whose visible text contains the pattern. */
export function findMatches(lines: readonly ViewLine[], pattern: RegExp | null): number[] {
  if (!pattern) return [];
  const found: number[] = [];
  for (let i = 0; i < lines.length; i++) if (!lines[i].gap && pattern.test(plainText(lines[i].text))) found.push(i);
  return found;
}

/** `text` cut into the parts that match the pattern and those that do not. */
export function splitMatches(text: string, pattern: RegExp | null): { text: string; match: boolean }[] {
  if (!pattern) return [{ text, match: false }];
  const parts: { text: string; match: boolean }[] = [];
  let from = 0;
  for (const found of text.matchAll(new RegExp(pattern.source, "gi"))) {
    if (found.index > from) parts.push({ text: text.slice(from, found.index), match: false });
    parts.push({ text: found[0], match: true });
    from = found.index + found[0].length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}

/** How many older lines to ask for next: more the further back the reader goes, so deep paging stays few requests. */
export function nextPageSize(held: number, first: number, max: number): number {
  return Math.min(max, Math.max(first, Math.floor(held / 4)));
}
