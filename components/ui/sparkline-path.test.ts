import { describe, expect, it } from "vitest";
import { sparklinePath } from "./sparkline-path";

describe("sparklinePath", () => {
  it("spreads values across the width and scales them to the height", () => {
    expect(sparklinePath([0, 50, 100], { width: 100, height: 20, max: 100 })).toBe("M0 20L50 10L100 0");
  });

  it("clamps values above the maximum and below zero", () => {
    expect(sparklinePath([-5, 250], { width: 10, height: 10, max: 100 })).toBe("M0 10L10 0");
  });

  it("breaks the line at a missing value", () => {
    expect(sparklinePath([10, null, 10, 10], { width: 30, height: 10, max: 10 })).toBe("M0 0M20 0L30 0");
  });

  it("draws nothing for no values, and a point for one", () => {
    expect(sparklinePath([], { width: 10, height: 10, max: 1 })).toBe("");
    expect(sparklinePath([0], { width: 10, height: 10, max: 0 })).toBe("M0 10");
  });
});
