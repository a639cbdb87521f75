import { describe, expect, it } from "vitest";
import { parseDay, parseUsagePeriod, periodStamps, usageCsvFilename, usagePeriodQuery, type UsagePeriod } from "./usage-period";

const now = new Date("2026-11-23T13:10:42Z");

function period(query: Parameters<typeof parseUsagePeriod>[0]): UsagePeriod {
  const parsed = parseUsagePeriod(query, now);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.period;
}

describe("parseUsagePeriod", () => {
  it("defaults to this month so far", () => {
    expect(period({})).toEqual({
      preset: "month",
      from: new Date("2026-11-01T00:00:00Z"),
      to: now,
      query: { period: "month" },
    });
  });

  it("reads the rolling presets back from now", () => {
    expect(period({ period: "24h" }).from).toEqual(new Date("2026-11-22T13:10:42Z"));
    expect(period({ period: "7d" }).from).toEqual(new Date("2026-11-16T13:10:42Z"));
    expect(period({ period: "30d" }).from).toEqual(new Date("2026-10-24T13:10:42Z"));
    expect(period({ period: "30d" }).to).toEqual(now);
  });

  it("refuses a period it does not know, naming the choices", () => {
    expect(parseUsagePeriod({ period: "fortnight" }, now)).toEqual({
      ok: false,
      field: "period",
      message: '"fortnight" is not a period Berth knows; choose 24h, 7d, 30d, month or custom days.',
    });
  });

  it("covers both days of a custom period", () => {
    expect(period({ from: "2026-11-01", to: "2026-11-15" })).toEqual({
      preset: "custom",
      from: new Date("2026-11-01T00:00:00Z"),
      to: new Date("2026-11-16T00:00:00Z"),
      query: { from: "2026-11-01", to: "2026-11-15" },
    });
    expect(period({ from: "2026-11-05", to: "2026-11-05" }).to).toEqual(new Date("2026-11-06T00:00:00Z"));
  });

  it("lets custom days win over a preset in the same URL", () => {
    expect(period({ period: "7d", from: "2026-11-01", to: "2026-11-02" }).preset).toBe("custom");
  });

  it("asks for both ends of a custom period", () => {
    expect(parseUsagePeriod({ period: "custom" }, now)).toMatchObject({ ok: false, field: "from" });
    expect(parseUsagePeriod({ from: "2026-11-01" }, now)).toMatchObject({ ok: false, field: "to" });
    expect(parseUsagePeriod({ from: "", to: "2026-11-01" }, now)).toMatchObject({ ok: false, field: "from" });
  });

  it("refuses days that are not days", () => {
    expect(parseUsagePeriod({ from: "2026-02-30", to: "2026-03-01" }, now)).toEqual({
      ok: false,
      field: "from",
      message: '"2026-02-30" is not a day; write it as YYYY-MM-DD.',
    });
    expect(parseUsagePeriod({ from: "2026-11-01", to: "yesterday" }, now)).toMatchObject({ ok: false, field: "to" });
  });

  it("refuses a period that ends before it starts", () => {
    expect(parseUsagePeriod({ from: "2026-11-10", to: "2026-11-01" }, now)).toEqual({
      ok: false,
      field: "from",
      message: "The period starts (2026-11-10) after it ends (2026-11-01).",
    });
  });

  it("allows one year and no more", () => {
    expect(period({ from: "2025-01-01", to: "2025-12-31" }).to).toEqual(new Date("2026-01-01T00:00:00Z"));
    expect(period({ from: "2024-03-01", to: "2025-02-28" }).preset).toBe("custom");
    expect(parseUsagePeriod({ from: "2025-01-01", to: "2026-01-01" }, now)).toEqual({
      ok: false,
      field: "to",
      message: "A period can cover at most one year; this one covers 366 days.",
    });
  });
});

describe("parseDay", () => {
  it("keeps leap days of leap years only", () => {
    expect(parseDay("2028-02-29")).toEqual(new Date("2028-02-29T00:00:00Z"));
    expect(parseDay("2027-02-29")).toBeNull();
    expect(parseDay("2027-2-1")).toBeNull();
  });
});

describe("usagePeriodQuery", () => {
  it("takes the first value from URLSearchParams and from Next's searchParams", () => {
    expect(usagePeriodQuery(new URLSearchParams("period=7d&period=24h"))).toEqual({ period: "7d", from: undefined, to: undefined });
    expect(usagePeriodQuery({ from: ["2026-11-01", "x"], to: "2026-11-02" })).toEqual({ period: undefined, from: "2026-11-01", to: "2026-11-02" });
  });
});

describe("usageCsvFilename", () => {
  it("names custom periods by their days", () => {
    expect(usageCsvFilename("demo", period({ from: "2026-11-01", to: "2026-11-15" }))).toBe("usage-demo-2026-11-01-2026-11-15.csv");
  });

  it("stamps rolling ends to the minute", () => {
    expect(usageCsvFilename("demo", period({}))).toBe("usage-demo-2026-11-01-2026-11-23T1310Z.csv");
    expect(periodStamps(period({ period: "24h" }))).toEqual({ from: "2026-11-22T1310Z", to: "2026-11-23T1310Z" });
  });

  it("keeps only characters safe in a header and a file name", () => {
    expect(usageCsvFilename('Team "A" / prod', period({ from: "2026-11-01", to: "2026-11-01" }))).toBe(
      "usage-Team-A-prod-2026-11-01-2026-11-01.csv",
    );
    expect(usageCsvFilename("***", period({ from: "2026-11-01", to: "2026-11-01" }))).toBe("usage-project-2026-11-01-2026-11-01.csv");
  });
});
