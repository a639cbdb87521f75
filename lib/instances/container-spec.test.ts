import { describe, expect, it } from "vitest";
import { containerName, hostnameOf, toCreateOptions, type InstanceSpec } from "./container-spec";

const base: InstanceSpec = {
  id: "2b7e0c1e-0000-4000-8000-000000000001",
  name: "Web Server #1",
  projectId: "p-1",
  kind: "application",
  vcpus: 2,
  ramMiB: 256,
  swapMiB: 0,
  flavorExtraSpecs: {},
  command: ["httpd", "-f"],
  entrypoint: null,
  env: { MODE: "prod", BAD: 3 },
  workingDir: "/www",
  labels: { team: "blue", "berth.project": "forged" },
};

describe("toCreateOptions", () => {
  it("hardens the container and applies the flavor's limits", () => {
    const o = toCreateOptions(base, "berth/httpd:1");
    expect(o.name).toBe(containerName(base.id));
    expect(o.HostConfig).toMatchObject({
      Init: true,
      Privileged: false,
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
      NanoCpus: 2e9,
      Memory: 256 * 1024 * 1024,
      MemorySwap: 256 * 1024 * 1024,
      PidsLimit: 1024,
      Binds: [],
    });
    expect(o.HostConfig?.CapAdd).not.toContain("SYS_ADMIN");
    expect(o.HostConfig?.CapAdd).not.toContain("NET_RAW");
  });

  it("labels it for Berth and keeps users from forging Berth's labels", () => {
    const o = toCreateOptions(base, "berth/httpd:1");
    expect(o.Labels).toEqual({
      team: "blue",
      "berth.managed": "true",
      "berth.instance": base.id,
      "berth.project": "p-1",
      "berth.kind": "application",
    });
  });

  it("passes command, env and working dir; drops values that are not strings", () => {
    const o = toCreateOptions(base, "berth/httpd:1");
    expect(o.Cmd).toEqual(["httpd", "-f"]);
    expect(o.Entrypoint).toBeUndefined();
    expect(o.Env).toEqual(["MODE=prod"]);
    expect(o.WorkingDir).toBe("/www");
    expect(o.Tty).toBe(false);
  });

  it("gives machines a terminal and a hostname from their name", () => {
    const o = toCreateOptions({ ...base, kind: "machine", command: null }, "berth/busybox:1");
    expect(o.Tty).toBe(true);
    expect(o.OpenStdin).toBe(true);
    expect(o.Cmd).toBeUndefined();
    expect(o.Hostname).toBe("web-server-1");
    expect(o.StopSignal).toBe("SIGHUP");
    expect(toCreateOptions(base, "x").StopSignal).toBeUndefined();
  });

  it("takes pids limit, CPU shares and swap from the flavor", () => {
    const o = toCreateOptions({ ...base, swapMiB: 64, flavorExtraSpecs: { pids_limit: 64, cpu_shares: 512 } }, "x");
    expect(o.HostConfig).toMatchObject({ PidsLimit: 64, CpuShares: 512, MemorySwap: 320 * 1024 * 1024 });
  });

  it("caps the CPU limit at the host's CPUs, since vCPUs may be overcommitted", () => {
    expect(toCreateOptions({ ...base, vcpus: 8 }, "x", 2).HostConfig?.NanoCpus).toBe(2e9);
    expect(toCreateOptions({ ...base, vcpus: 1 }, "x", 2).HostConfig?.NanoCpus).toBe(1e9);
  });

  it("makes hostnames Docker accepts", () => {
    expect(hostnameOf("---")).toBe("instance");
    expect(hostnameOf("a".repeat(80))).toHaveLength(63);
  });
});
