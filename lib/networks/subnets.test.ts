import { describe, expect, it } from "vitest";
import { dynamicRangeOf, freeAddress, freeSubnet, gatewayOf, overlaps, parseCidr, subnetProblem } from "./subnets";

describe("subnets", () => {
  it("parse CIDR networks and refuse host bits", () => {
    expect(parseCidr("10.128.3.0/24")).toEqual({ base: (10 << 24) + (128 << 16) + (3 << 8), prefix: 24 });
    expect(parseCidr("10.128.3.1/24")).toBeNull();
    expect(parseCidr("10.300.0.0/16")).toBeNull();
    expect(parseCidr("nonsense")).toBeNull();
  });

  it("detect overlaps both ways", () => {
    expect(overlaps(parseCidr("10.0.0.0/16")!, parseCidr("10.0.5.0/24")!)).toBe(true);
    expect(overlaps(parseCidr("10.0.5.0/24")!, parseCidr("10.0.0.0/16")!)).toBe(true);
    expect(overlaps(parseCidr("10.0.5.0/24")!, parseCidr("10.0.6.0/24")!)).toBe(false);
  });

  it("explain what is wrong with a user's subnet", () => {
    expect(subnetProblem("10.20.0.0/24")).toBeNull();
    expect(subnetProblem("10.20.0.1/24")).toMatch(/host bits zero/);
    expect(subnetProblem("10.0.0.0/8")).toMatch(/between \/16 and \/28/);
    expect(subnetProblem("8.8.8.0/24")).toMatch(/private range/);
  });

  it("hand out the first free /24 of the pool, skipping what is taken", () => {
    expect(freeSubnet("10.128.0.0/12", [])).toBe("10.128.0.0/24");
    expect(freeSubnet("10.128.0.0/12", ["10.128.0.0/24", "10.128.1.0/24"])).toBe("10.128.2.0/24");
    expect(freeSubnet("10.128.0.0/12", ["10.128.0.0/16"])).toBe("10.129.0.0/24");
    expect(freeSubnet("10.128.0.0/23", ["10.128.0.0/24", "10.128.1.0/24"])).toBeNull();
  });

  it("split a subnet: gateway, fixed addresses below the middle, Docker's above", () => {
    expect(gatewayOf("10.128.7.0/24")).toBe("10.128.7.1");
    expect(dynamicRangeOf("10.128.7.0/24")).toBe("10.128.7.128/25");
    expect(freeAddress("10.128.7.0/24", [])).toBe("10.128.7.2");
    expect(freeAddress("10.128.7.0/24", ["10.128.7.2", "10.128.7.3"])).toBe("10.128.7.4");
    const all = Array.from({ length: 126 }, (_, i) => `10.128.7.${i + 2}`);
    expect(freeAddress("10.128.7.0/24", all)).toBeNull();
  });
});
