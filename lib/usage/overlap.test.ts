import { describe, expect, it } from "vitest";
import { overlapHours } from "./usage-report";

const t = (h: number) => new Date(Date.UTC(2026, 10, 1, h));

describe("overlapHours", () => {
  it("counts only the part inside the period", () => {
    expect(overlapHours(t(0), t(10), t(2), t(5))).toBe(3);
    expect(overlapHours(t(3), t(4), t(2), t(5))).toBe(1);
    expect(overlapHours(t(0), t(1), t(2), t(5))).toBe(0);
    expect(overlapHours(t(6), t(9), t(2), t(5))).toBe(0);
  });
});
