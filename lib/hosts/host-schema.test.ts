import { describe, expect, it } from "vitest";
import { updateHostSchema } from "./host-schema";

describe("updateHostSchema: where published ports are reached", () => {
  it("takes a host name or an IPv4 address, and blank for the endpoint's host", () => {
    expect(updateHostSchema.parse({ publicAddress: " 203.0.113.10 " }).publicAddress).toBe("203.0.113.10");
    expect(updateHostSchema.parse({ publicAddress: "docker-1.example.org" }).publicAddress).toBe("docker-1.example.org");
    expect(updateHostSchema.parse({ publicAddress: "" }).publicAddress).toBeNull();
    expect(updateHostSchema.parse({ publicAddress: null }).publicAddress).toBeNull();
    expect(updateHostSchema.safeParse({ publicAddress: "http://x:80" }).success).toBe(false);
  });

  it("keeps the port range within 1024–65535 and in order", () => {
    expect(updateHostSchema.safeParse({ portRangeMin: 30000, portRangeMax: 30000 }).success).toBe(true);
    expect(updateHostSchema.safeParse({ portRangeMin: 80 }).error?.issues[0]).toMatchObject({ path: ["portRangeMin"], message: "must be 1024–65535" });
    expect(updateHostSchema.safeParse({ portRangeMax: 70000 }).error?.issues[0]).toMatchObject({ path: ["portRangeMax"] });
    expect(updateHostSchema.safeParse({ portRangeMin: 31000, portRangeMax: 30000 }).error?.issues[0]).toMatchObject({
      path: ["portRangeMax"],
      message: "must not be below the range's first port",
    });
  });
});
