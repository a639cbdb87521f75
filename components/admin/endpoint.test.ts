import { describe, expect, it } from "vitest";
import { endpointOf } from "./endpoint";

describe("endpointOf", () => {
  it("puts the kind's scheme before the address", () => {
    expect(endpointOf("unix", "/var/run/docker.sock")).toBe("unix:///var/run/docker.sock");
    expect(endpointOf("tls", " 10.0.0.5:2376 ")).toBe("tcp://10.0.0.5:2376");
    expect(endpointOf("ssh", "deploy@10.0.0.5")).toBe("ssh://deploy@10.0.0.5");
  });

  it("keeps an address that names its scheme already", () => {
    expect(endpointOf("tcp", "ssh://root@h")).toBe("ssh://root@h");
  });

  it("leaves a blank address blank after the scheme, for the schema to refuse", () => {
    expect(endpointOf("tcp", "")).toBe("tcp://");
  });
});
