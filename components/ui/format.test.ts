import { describe, expect, it } from "vitest";
import { formatDuration, formatFixed, formatSize, formatTimestamp, formatUsage } from "./format";

describe("formatSize", () => {
  it.each([
    [0, "MiB", "0 MiB"],
    [512, "MiB", "512 MiB"],
    [1536, "MiB", "1.5 GiB"],
    [4096, "MiB", "4 GiB"],
    [1024, "GiB", "1 TiB"],
    [1_234_567n, "B", "1.18 MiB"],
  ] as const)("%s %s → %s", (value, unit, expected) => {
    expect(formatSize(value, unit)).toBe(expected);
  });
});

describe("formatUsage", () => {
  it("counts plain numbers", () => {
    expect(formatUsage(0, 10, "")).toBe("0 / 10");
    expect(formatUsage(3, 1200, "")).toBe("3 / 1,200");
  });

  it("puts used and limit in the limit's unit", () => {
    expect(formatUsage(0, 51_200, "MiB")).toBe("0 / 50 GiB");
    expect(formatUsage(512, 51_200, "MiB")).toBe("0.5 / 50 GiB");
    expect(formatUsage(0, 1024, "GiB")).toBe("0 / 1 TiB");
    expect(formatUsage(20, 100, "GiB")).toBe("20 / 100 GiB");
  });

  it("says unlimited for a negative limit", () => {
    expect(formatUsage(3, -1, "")).toBe("3 / unlimited");
    expect(formatUsage(1536, -1, "MiB")).toBe("1.5 GiB / unlimited");
  });

  it("never shows a real amount as zero", () => {
    expect(formatUsage(1, 1024 * 1024, "MiB")).toBe("< 0.01 / 1 TiB");
  });
});

describe("formatFixed", () => {
  it("keeps two decimals and groups thousands", () => {
    expect(formatFixed(0)).toBe("0.00");
    expect(formatFixed(1.006)).toBe("1.01");
    expect(formatFixed(1234.5)).toBe("1,234.50");
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [59_999, "59 s"],
    [60_000, "1 min"],
    [3 * 3600_000, "3 h"],
    [47 * 3600_000, "47 h"],
    [5 * 86400_000, "5 d"],
    [-5_000, "0 s"],
  ])("%i ms → %s", (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe("formatTimestamp", () => {
  it("reads in UTC to the second", () => {
    expect(formatTimestamp(new Date("2026-11-23T12:34:56.789Z"))).toBe("2026-11-23 12:34:56 UTC");
  });
});
