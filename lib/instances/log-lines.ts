/**
 * A container's log as lines with Docker's timestamps, and the cursor arithmetic that pages and
 * follows it without losing or repeating a line. Pure: used by the server and by the browser.
 *
 * Paging works on timestamps and counts, not on `until`: Docker (json-file, API 1.41) applies
 * `tail` before `until`, so `tail=1000&until=T` returns nothing for any T older than the last
 * 1,000 lines, and `since`/`until` alone scan the file from its start on every request.
 */

export type LogLine = { ts: string; text: string; stderr?: true };

/**
 * Where a window of lines starts or ends: the timestamp of its first (or last) line and how many
 * lines with exactly that timestamp the window holds, so lines sharing a timestamp are neither
 * dropped nor repeated at the seam.
 */
export type LogCursor = { ts: string; held: number };

type Chunk = { stream: "stdout" | "stderr"; text: string };

const TIMESTAMPED = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z) ?/;

/**
 * Docker writes RFC 3339 with nine fraction digits, but an engine is free to trim them; padded to
 * nine, timestamps compare as strings.
 */
export function tsKey(ts: string): string {
  const dot = ts.indexOf(".");
  if (dot < 0) return `${ts.slice(0, -1)}.000000000Z`;
  const fraction = ts.slice(dot + 1, -1);
  return `${ts.slice(0, dot)}.${fraction.padEnd(9, "0").slice(0, 9)}Z`;
}

export function compareTs(a: string, b: string): number {
  const ka = tsKey(a);
  const kb = tsKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function toLine(raw: string, stream: Chunk["stream"], lastTs: string): LogLine {
  const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  const stamp = TIMESTAMPED.exec(text);
  const line: LogLine = stamp ? { ts: stamp[1], text: text.slice(stamp[0].length) } : { ts: lastTs, text };
  if (stream === "stderr") line.stderr = true;
  return line;
}

/**
 * Cuts demultiplexed chunks into lines. A line may arrive split across chunks, and stdout and
 * stderr interleave, so each stream keeps its own unfinished line.
 */
export class LineSplitter {
  private partial = { stdout: "", stderr: "" };
  private lastTs = "1970-01-01T00:00:00.000000000Z";

  push(chunk: Chunk): LogLine[] {
    const parts = (this.partial[chunk.stream] + chunk.text).split("\n");
    this.partial[chunk.stream] = parts.pop()!;
    return parts.map((raw) => this.line(raw, chunk.stream));
  }

  /** What is left without a final newline, once the stream has ended. */
  end(): LogLine[] {
    const rest = (["stdout", "stderr"] as const).filter((s) => this.partial[s]).map((s) => this.line(this.partial[s], s));
    this.partial = { stdout: "", stderr: "" };
    return rest;
  }

  private line(raw: string, stream: Chunk["stream"]): LogLine {
    const line = toLine(raw, stream, this.lastTs);
    this.lastTs = line.ts;
    return line;
  }
}

/** The cursor at the start (`first`) or end (`last`) of a window; null for an empty window. */
export function cursorOf(lines: readonly LogLine[], end: "first" | "last"): LogCursor | null {
  if (!lines.length) return null;
  const step = end === "first" ? 1 : -1;
  let index = end === "first" ? 0 : lines.length - 1;
  const ts = tsKey(lines[index].ts);
  let held = 0;
  while (index >= 0 && index < lines.length && tsKey(lines[index].ts) === ts) {
    held++;
    index += step;
  }
  return { ts, held };
}

/**
 * The lines of `fetched` (a tail of the log, oldest first) that come just before a window starting
 * at `before`: everything older, plus those sharing its timestamp that the window does not hold
 * (it holds the last `before.held` of them); at most `limit`, the newest ones. Empty when the tail
 * did not reach back past the window's start, or when there is nothing older.
 */
export function linesBefore(fetched: readonly LogLine[], before: LogCursor, limit: number): LogLine[] {
  const key = tsKey(before.ts);
  let older = 0;
  let same = 0;
  for (const line of fetched) {
    const k = tsKey(line.ts);
    if (k < key) older++;
    else if (k === key) same++;
    else break;
  }
  const stop = older + Math.max(0, same - before.held);
  return fetched.slice(Math.max(0, stop - limit), stop);
}

/**
 * Decides, line by line, what a follower that already holds the window ending at `after` still
 * needs. A live stream opened with some overlap (a tail) repeats lines the window has; they are
 * skipped. When the very first line is already newer than `after`, lines were printed faster than
 * the overlap covered, and `gap` says so.
 */
export class FollowFilter {
  private skipSame: number;
  private first = true;
  gap = false;

  constructor(private after: LogCursor | null) {
    this.skipSame = after?.held ?? 0;
  }

  accept(line: LogLine): boolean {
    const wasFirst = this.first;
    this.first = false;
    if (!this.after) return true;
    const order = compareTs(line.ts, this.after.ts);
    if (wasFirst && order > 0) this.gap = true;
    if (order < 0) return false;
    if (order === 0 && this.skipSame > 0) {
      this.skipSame--;
      return false;
    }
    this.after = null;
    return true;
  }
}
