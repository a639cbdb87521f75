import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies defaults", () => {
    const e = parseEnv({});
    expect(e.PORT).toBe(3000);
    expect(e.BERTH_DATA_DIR).toBe(".berth");
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.BERTH_SECURE_COOKIES).toBe(false);
    expect(e.BERTH_RESIZE_CONFIRM_SECONDS).toBe(24 * 3600);
  });

  it("coerces numbers and booleans", () => {
    const e = parseEnv({ PORT: "8080", BERTH_SESSION_TTL_HOURS: "2", BERTH_SECURE_COOKIES: "true" });
    expect(e.PORT).toBe(8080);
    expect(e.BERTH_SESSION_TTL_HOURS).toBe(2);
    expect(e.BERTH_SECURE_COOKIES).toBe(true);
  });

  it("names every bad variable and why", () => {
    const bad = () => parseEnv({ PORT: "70000", DATABASE_URL: "mysql://x", BERTH_ADMIN_PASSWORD: "short" });
    expect(bad).toThrowError(/PORT: .*65535/);
    expect(bad).toThrowError(/DATABASE_URL: must be a postgres/);
    expect(bad).toThrowError(/BERTH_ADMIN_PASSWORD: must be at least 8 characters/);
  });
});
