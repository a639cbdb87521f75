import { describe, expect, it } from "vitest";
import { compareTs, cursorOf, FollowFilter, LineSplitter, linesBefore, tsKey, type LogLine } from "./log-lines";

const ts = (n: number) => `2026-11-23T10:00:00.${String(n).padStart(9, "0")}Z`;
const line = (n: number, text = `line ${n}`): LogLine => ({ ts: ts(n), text });

describe("timestamps", () => {
  it("compare by time whatever the number of fraction digits", () => {
    expect(tsKey("2026-11-23T10:00:01Z")).toBe("2026-11-23T10:00:01.000000000Z");
    expect(tsKey("2026-11-23T10:00:01.5Z")).toBe("2026-11-23T10:00:01.500000000Z");
    expect(compareTs("2026-11-23T10:00:01.5Z", "2026-11-23T10:00:01.499999999Z")).toBe(1);
    expect(compareTs("2026-11-23T10:00:01.50Z", "2026-11-23T10:00:01.5Z")).toBe(0);
  });
});

describe("LineSplitter", () => {
  it("cuts chunks into lines, keeping each stream's unfinished line", () => {
    const split = new LineSplitter();
    expect(split.push({ stream: "stdout", text: `${ts(1)} hel` })).toEqual([]);
    expect(split.push({ stream: "stderr", text: `${ts(2)} oops\n${ts(3)} half` })).toEqual([{ ts: ts(2), text: "oops", stderr: true }]);
    expect(split.push({ stream: "stdout", text: `lo\r\n${ts(4)} world\n` })).toEqual([
      { ts: ts(1), text: "hello" },
      { ts: ts(4), text: "world" },
    ]);
    expect(split.end()).toEqual([{ ts: ts(3), text: "half", stderr: true }]);
  });

  it("keeps markup and spaces as they are", () => {
    expect(new LineSplitter().push({ stream: "stdout", text: `${ts(1)}   <script>alert(1)</script>\n` })).toEqual([
      { ts: ts(1), text: "  <script>alert(1)</script>" },
    ]);
  });

  it("gives a line without a timestamp the previous line's", () => {
    expect(new LineSplitter().push({ stream: "stdout", text: `${ts(7)} a\nno stamp\n` })).toEqual([
      { ts: ts(7), text: "a" },
      { ts: ts(7), text: "no stamp" },
    ]);
  });
});

describe("cursorOf", () => {
  it("counts the lines sharing the first or last timestamp", () => {
    const lines = [line(1), line(1), line(2), line(3), line(3), line(3)];
    expect(cursorOf(lines, "first")).toEqual({ ts: ts(1), held: 2 });
    expect(cursorOf(lines, "last")).toEqual({ ts: ts(3), held: 3 });
    expect(cursorOf([], "last")).toBeNull();
  });
});

describe("linesBefore", () => {
  const log = Array.from({ length: 10 }, (_, i) => line(i + 1));

  it("returns the newest lines older than the window, up to the limit", () => {
    expect(linesBefore(log, { ts: ts(8), held: 1 }, 3).map((l) => l.text)).toEqual(["line 5", "line 6", "line 7"]);
    expect(linesBefore(log, { ts: ts(3), held: 1 }, 5).map((l) => l.text)).toEqual(["line 1", "line 2"]);
  });

  it("is empty when the tail did not reach back past the window", () => {
    expect(linesBefore(log.slice(5), { ts: ts(6), held: 1 }, 3)).toEqual([]);
    expect(linesBefore(log.slice(5), { ts: ts(4), held: 1 }, 3)).toEqual([]);
  });

  it("splits lines sharing the window's first timestamp at the seam", () => {
    const same = [line(1), line(2, "a"), line(2, "b"), line(2, "c"), line(3)];
    // The window starts at "c": it holds one line stamped 2.
    expect(linesBefore(same, { ts: ts(2), held: 1 }, 10).map((l) => l.text)).toEqual(["line 1", "a", "b"]);
    expect(linesBefore(same, { ts: ts(2), held: 3 }, 10).map((l) => l.text)).toEqual(["line 1"]);
  });

  it("pages a whole log back without a gap or a repeat", () => {
    const long = Array.from({ length: 95 }, (_, i) => line(Math.floor(i / 3), `l${i}`));
    let window = long.slice(-10);
    while (true) {
      const older = linesBefore(long, cursorOf(window, "first")!, 7);
      if (!older.length) break;
      window = [...older, ...window];
    }
    expect(window).toEqual(long);
  });
});

describe("FollowFilter", () => {
  const overlap = [line(5), line(6, "a"), line(6, "b"), line(7), line(8)];

  it("skips what the window already holds and passes the rest", () => {
    const filter = new FollowFilter({ ts: ts(6), held: 1 });
    expect(overlap.filter((l) => filter.accept(l)).map((l) => l.text)).toEqual(["b", "line 7", "line 8"]);
    expect(filter.gap).toBe(false);
  });

  it("passes everything when the window was empty", () => {
    const filter = new FollowFilter(null);
    expect(overlap.filter((l) => filter.accept(l))).toHaveLength(5);
    expect(filter.gap).toBe(false);
  });

  it("reports a gap when the overlap starts after the window's end", () => {
    const filter = new FollowFilter({ ts: ts(3), held: 1 });
    expect(overlap.filter((l) => filter.accept(l))).toHaveLength(5);
    expect(filter.gap).toBe(true);
  });
});
