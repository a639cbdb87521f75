import { describe, expect, it } from "vitest";
import { atLeast, MAX_VERSION, negotiate, versionHeaders } from "./microversion";

const asked = (headers: Record<string, string>) => negotiate(new Headers(headers));

describe("microversion negotiation", () => {
  it("speaks 2.1 when nothing is asked and the newest for latest", () => {
    expect(asked({})).toEqual({ ok: true, version: { minor: 1 } });
    expect(asked({ "OpenStack-API-Version": "compute latest" })).toEqual({ ok: true, version: { minor: 79 } });
    expect(MAX_VERSION).toBe("2.79");
  });

  it("reads the compute entry of OpenStack-API-Version, else the Nova header", () => {
    expect(asked({ "OpenStack-API-Version": "volume 3.5, compute 2.60" })).toEqual({ ok: true, version: { minor: 60 } });
    expect(asked({ "X-OpenStack-Nova-API-Version": "2.47" })).toEqual({ ok: true, version: { minor: 47 } });
    expect(asked({ "OpenStack-API-Version": "compute 2.10", "X-OpenStack-Nova-API-Version": "2.47" })).toEqual({ ok: true, version: { minor: 10 } });
    expect(asked({ "OpenStack-API-Version": "image 2.5" })).toEqual({ ok: true, version: { minor: 1 } });
  });

  it("refuses versions out of range with 406 and garbage with 400", () => {
    expect(asked({ "OpenStack-API-Version": "compute 2.80" })).toMatchObject({ ok: false, status: 406, message: "Version 2.80 is not supported by the API. Minimum is 2.1 and maximum is 2.79." });
    expect(asked({ "OpenStack-API-Version": "compute 3.0" })).toMatchObject({ ok: false, status: 406 });
    expect(asked({ "OpenStack-API-Version": "compute 2.0" })).toMatchObject({ ok: false, status: 406 });
    expect(asked({ "X-OpenStack-Nova-API-Version": "2.x" })).toMatchObject({ ok: false, status: 400 });
  });

  it("compares and announces versions", () => {
    expect(atLeast({ minor: 47 }, 47)).toBe(true);
    expect(atLeast({ minor: 46 }, 47)).toBe(false);
    expect(versionHeaders({ minor: 9 })).toEqual({
      "OpenStack-API-Version": "compute 2.9",
      "X-OpenStack-Nova-API-Version": "2.9",
      Vary: "OpenStack-API-Version, X-OpenStack-Nova-API-Version",
    });
  });
});
