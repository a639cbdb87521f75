import { describe, expect, it } from "vitest";
import { barWidths, ringDash, usageFraction, usageLevel, usagePercentLabel } from "./chart-math";

describe("usageFraction", () => {
  it("is used over limit, kept between 0 and 1", () => {
    expect(usageFraction(0, 10)).toBe(0);
    expect(usageFraction(4, 10)).toBe(0.4);
    expect(usageFraction(12, 10)).toBe(1);
  });

  it("reads a zero limit as full once anything is used, and a negative one as unlimited", () => {
    expect(usageFraction(0, 0)).toBe(0);
    expect(usageFraction(1, 0)).toBe(1);
    expect(usageFraction(5, -1)).toBeNull();
  });
});

describe("usageLevel", () => {
  it.each([
    [null, "calm"],
    [0, "calm"],
    [0.69, "calm"],
    [0.7, "high"],
    [0.89, "high"],
    [0.9, "full"],
    [1, "full"],
  ] as const)("%s → %s", (fraction, level) => {
    expect(usageLevel(fraction)).toBe(level);
  });
});

describe("usagePercentLabel", () => {
  it.each([
    [0, 10, "0%"],
    [1, 10, "10%"],
    [1, 3, "33%"],
    [1, 1000, "< 1%"],
    [995, 1000, "99%"],
    [10, 10, "100%"],
    [12, 10, "120%"],
    [1, 0, "> 100%"],
    [0, 0, "0%"],
    [3, -1, "∞"],
  ])("%i of %i → %s", (used, limit, label) => {
    expect(usagePercentLabel(used, limit)).toBe(label);
  });
});

describe("ringDash", () => {
  const radius = 10; // circumference 62.83

  it("draws the share of the circumference, then the gap", () => {
    expect(ringDash(0.5, radius)).toBe("31.42 31.42");
    expect(ringDash(1, radius)).toBe("62.83 0");
    expect(ringDash(0, radius)).toBe("0 62.83");
  });

  it("keeps a sliver for a small but real amount and never overflows", () => {
    expect(ringDash(0.001, radius)).toBe("2 60.83");
    expect(ringDash(3, radius)).toBe("62.83 0");
  });
});

describe("barWidths", () => {
  it("compares with the largest count", () => {
    expect(barWidths([4, 2, 1])).toEqual([100, 50, 25]);
    expect(barWidths([3])).toEqual([100]);
    expect(barWidths([0, 0])).toEqual([0, 0]);
    expect(barWidths([])).toEqual([]);
  });
});
