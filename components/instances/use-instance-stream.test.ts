import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./use-instance-stream";

describe("retryDelayMs", () => {
  it("doubles from a second up to 15 s, spread by a quarter either way", () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => retryDelayMs(attempt, 0.5))).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
    expect(retryDelayMs(0, 0)).toBe(750);
    expect(retryDelayMs(10, 1)).toBe(18_750);
  });
});
