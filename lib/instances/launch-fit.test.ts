import { describe, expect, it } from "vitest";
import type { QuotaUsage } from "@/lib/quotas/quotas";
import { flavorRefusal, quotaRefusal, requestDelta } from "./launch-fit";

const quotas: QuotaUsage[] = [
  { resource: "instances", label: "Instances", unit: "", used: 2, limit: 10 },
  { resource: "cores", label: "vCPUs", unit: "", used: 8, limit: 20 },
  { resource: "ram", label: "RAM", unit: "MiB", used: 1024, limit: 51200 },
  { resource: "disk", label: "Disk", unit: "GiB", used: 10, limit: 1024 },
];
const xlarge = { name: "m1.xlarge", vcpus: 8, ramMiB: 8192, diskGiB: 40 };
const nano = { name: "m1.nano", vcpus: 1, ramMiB: 64, diskGiB: 1 };

describe("launch fit", () => {
  it("scales a flavor by the count", () => {
    expect(requestDelta(xlarge, 3)).toEqual({ instances: 3, cores: 24, ram: 24576, disk: 120 });
  });

  it("says what the server's quota check says, resource by resource in its order", () => {
    expect(quotaRefusal(quotas, requestDelta(xlarge, 2))).toBe("Quota exceeded for cores: requested 16, used 8 of 20");
    expect(quotaRefusal(quotas, requestDelta(nano, 9))).toBe("Quota exceeded for instances: requested 9, used 2 of 10");
    const tightRam = quotas.map((q) => (q.resource === "ram" ? { ...q, limit: 1100 } : q));
    expect(quotaRefusal(tightRam, requestDelta({ ...nano, ramMiB: 128 }, 1))).toBe("Quota exceeded for ram: requested 128 MiB, used 1024 MiB of 1100 MiB");
    expect(quotaRefusal(quotas, requestDelta(xlarge, 1))).toBeNull();
  });

  it("treats a negative limit as unlimited", () => {
    const unlimited = quotas.map((q) => ({ ...q, limit: -1 }));
    expect(quotaRefusal(unlimited, requestDelta(xlarge, 50))).toBeNull();
  });

  it("refuses a flavor below the image's minimums before looking at the quota", () => {
    const image = { name: "big", minRamMiB: 128, minDiskGiB: 2 };
    expect(flavorRefusal(nano, image, 1, quotas)).toBe("Flavor m1.nano has 64 MiB RAM; image big needs at least 128 MiB.");
    expect(flavorRefusal({ ...nano, ramMiB: 256 }, image, 1, quotas)).toBe("Flavor m1.nano has 1 GiB disk; image big needs at least 2 GiB.");
    expect(flavorRefusal(xlarge, image, 3, quotas)).toBe("Quota exceeded for cores: requested 24, used 8 of 20");
    expect(flavorRefusal(xlarge, null, 1, quotas)).toBeNull();
  });
});
