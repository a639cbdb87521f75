import { describe, expect, it } from "vitest";
import type { LogLine } from "@/lib/instances/log-lines";
import { findMatches, LogWindow, nextPageSize, searchPattern, splitMatches } from "./log-window";

const ts = (n: number) => `2026-11-23T10:00:00.${String(n).padStart(9, "0")}Z`;
const lines = (from: number, to: number): LogLine[] => Array.from({ length: to - from + 1 }, (_, i) => ({ ts: ts(from + i), text: `tick ${from + i}` }));

describe("LogWindow", () => {
  it("drops the oldest lines when live lines overflow the cap", () => {
    const window = new LogWindow(5);
    expect(window.append(lines(1, 3))).toBe(0);
    expect(window.append(lines(4, 7))).toBe(2);
    expect(window.lines.map((l) => l.text)).toEqual(["tick 3", "tick 4", "tick 5", "tick 6", "tick 7"]);
    expect(window.full).toBe(true);
  });

  it("takes only the newest older lines that fit", () => {
    const window = new LogWindow(5);
    window.append(lines(8, 10));
    expect(window.prepend(lines(1, 7))).toBe(2);
    expect(window.lines.map((l) => l.text)).toEqual(["tick 6", "tick 7", "tick 8", "tick 9", "tick 10"]);
    expect(window.prepend(lines(1, 5))).toBe(0);
  });

  it("marks a gap, and leaves it out of cursors and counts", () => {
    const window = new LogWindow(100);
    window.append(lines(1, 2));
    window.append(lines(50, 51), true);
    expect(window.lines.map((l) => (l.gap ? "…" : l.text))).toEqual(["tick 1", "tick 2", "…", "tick 50", "tick 51"]);
    expect(window.start()).toEqual({ before: { ts: ts(1), held: 1 }, skip: 4 });
    expect(window.end()).toEqual({ ts: ts(51), held: 1 });
  });

  it("changes its version with every edit, and has no cursor when empty", () => {
    const window = new LogWindow(10);
    expect(window.start()).toBeNull();
    expect(window.end()).toBeNull();
    const before = window.version;
    window.append(lines(1, 1));
    window.prepend(lines(0, 0));
    expect(window.version).toBe(before + 2);
  });
});

describe("search", () => {
  const view = [
    { ts: ts(1), text: "GET /index.html 200" },
    { ts: ts(2), text: "\x1b[31mERROR\x1b[0m disk (sda) full" },
    { ts: ts(3), text: "", gap: true as const },
    { ts: ts(4), text: "error again" },
  ];

  it("finds lines by their visible text, ignoring case and taking the query literally", () => {
    expect(findMatches(view, searchPattern("error"))).toEqual([1, 3]);
    expect(findMatches(view, searchPattern("(sda)"))).toEqual([1]);
    expect(findMatches(view, searchPattern("31m"))).toEqual([]);
    expect(findMatches(view, searchPattern(""))).toEqual([]);
  });

  it("splits text around every match", () => {
    expect(splitMatches("an Error, an error", searchPattern("error"))).toEqual([
      { text: "an ", match: false },
      { text: "Error", match: true },
      { text: ", an ", match: false },
      { text: "error", match: true },
    ]);
    expect(splitMatches("a.b", searchPattern("."))).toEqual([
      { text: "a", match: false },
      { text: ".", match: true },
      { text: "b", match: false },
    ]);
    expect(splitMatches("plain", null)).toEqual([{ text: "plain", match: false }]);
  });

  it("finds a match at the start of a line however often the pattern was used before", () => {
    const pattern = searchPattern("tick 1");
    const ticks = Array.from({ length: 12 }, (_, i) => ({ ts: ts(i), text: `tick ${i + 1}` }));
    expect(findMatches(ticks, pattern)).toEqual([0, 9, 10, 11]);
    for (const line of ticks.slice(9)) expect(splitMatches(line.text, pattern)[0]).toEqual({ text: "tick 1", match: true });
  });
});

describe("nextPageSize", () => {
  it("grows with what is held, between the first page and the most a page may be", () => {
    expect(nextPageSize(1000, 1000, 20_000)).toBe(1000);
    expect(nextPageSize(40_000, 1000, 20_000)).toBe(10_000);
    expect(nextPageSize(190_000, 1000, 20_000)).toBe(20_000);
  });
});
