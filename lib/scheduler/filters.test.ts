import { describe, expect, it } from "vitest";
import { capacityOf, filterHosts, noValidHostMessage, weighHosts, type HostCandidate } from "./filters";

function host(name: string, over: Partial<HostCandidate> = {}): HostCandidate {
  return {
    id: name,
    name,
    enabled: true,
    disabledReason: null,
    status: "up",
    availabilityZone: "nova",
    cpus: 2,
    memoryMiB: 1024,
    diskGiB: 100,
    cpuAllocationRatio: 4,
    ramAllocationRatio: 1,
    diskAllocationRatio: 1,
    reservedCpus: 0,
    reservedMemoryMiB: 0,
    reservedDiskGiB: 0,
    used: { vcpus: 0, ramMiB: 0, diskGiB: 0 },
    hasImage: false,
    ...over,
  };
}

const small = { vcpus: 1, ramMiB: 512, diskGiB: 1 };

describe("scheduler filters", () => {
  it("keeps an affinity group on its host and spreads an anti-affinity group", () => {
    const hosts = [host("a"), host("b"), host("c")];
    const together = filterHosts(hosts, { ...small, group: { name: "web", policy: "affinity", hostIds: ["b"] } });
    expect(together.passed.map((h) => h.name)).toEqual(["b"]);
    expect(together.rejected).toContainEqual({ host: "a", reason: "not the host of server group web (affinity)" });
    expect(filterHosts(hosts, { ...small, group: { name: "web", policy: "affinity", hostIds: [] } }).passed).toHaveLength(3);

    const apart = filterHosts(hosts, { ...small, group: { name: "db", policy: "anti_affinity", hostIds: ["a", "c"] } });
    expect(apart.passed.map((h) => h.name)).toEqual(["b"]);
    expect(apart.rejected).toContainEqual({ host: "c", reason: "already holds an instance of server group db (anti-affinity)" });
  });

  it("applies allocation ratios and reserved amounts to capacity", () => {
    expect(capacityOf(host("a", { reservedMemoryMiB: 24, ramAllocationRatio: 1.5 }))).toEqual({
      vcpus: 8,
      ramMiB: 1500,
      diskGiB: 100,
    });
  });

  it("drops disabled, down, other-zone and full hosts with a reason each", () => {
    const { passed, rejected } = filterHosts(
      [
        host("ok"),
        host("off", { enabled: false, disabledReason: "maintenance" }),
        host("dead", { status: "down" }),
        host("far", { availabilityZone: "east" }),
        host("full", { used: { vcpus: 0, ramMiB: 768, diskGiB: 0 } }),
        host("busy", { used: { vcpus: 8, ramMiB: 0, diskGiB: 0 } }),
      ],
      { ...small, availabilityZone: "nova" },
    );
    expect(passed.map((h) => h.name)).toEqual(["ok"]);
    expect(rejected).toEqual([
      { host: "off", reason: "disabled (maintenance)" },
      { host: "dead", reason: "down" },
      { host: "far", reason: "in zone east, not nova" },
      { host: "full", reason: "256 MiB free", resource: "ramMiB" },
      { host: "busy", reason: "0 vCPU free", resource: "vcpus" },
    ]);
  });

  it("spreads by free RAM and prefers hosts holding the image", () => {
    const a = host("a", { used: { vcpus: 0, ramMiB: 512, diskGiB: 0 } });
    const b = host("b");
    expect(weighHosts([a, b]).map((h) => h.name)).toEqual(["b", "a"]);
    // Free RAM is normalised across candidates: close hosts are split by who holds the image.
    const c = host("c", { used: { vcpus: 0, ramMiB: 24, diskGiB: 0 }, hasImage: true });
    expect(weighHosts([a, b, c]).map((h) => h.name)).toEqual(["c", "b", "a"]);
  });

  it("says plainly why no host fits", () => {
    const { rejected } = filterHosts(
      [host("host-a", { used: { vcpus: 0, ramMiB: 768, diskGiB: 0 } }), host("host-b", { enabled: false })],
      small,
    );
    expect(noValidHostMessage(2, small, rejected)).toBe(
      "No valid host: 0 of 2 hosts can fit 512 MiB RAM (host-a: 256 MiB free, host-b: disabled)",
    );
    expect(noValidHostMessage(0, small, [])).toBe("No valid host: no hosts are registered.");
  });
});
