import { describe, expect, it } from "vitest";
import { testConnection } from "./test-connection";

describe("testConnection", () => {
  it("refuses an endpoint it cannot read, naming the field", async () => {
    await expect(testConnection({ endpoint: "http://example" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { endpoint: "must start with unix://, tcp:// or ssh://" },
    });
    await expect(testConnection({ endpoint: "unix://relative.sock" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { endpoint: expect.stringContaining("absolute socket path") } });
  });

  it("asks for all three TLS blocks together", async () => {
    await expect(testConnection({ endpoint: "tcp://10.0.0.5:2376", tlsCa: "ca" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { tlsCert: "required for TLS", tlsKey: "required for TLS" },
    });
  });

  it("says why an engine does not answer", async () => {
    await expect(testConnection({ endpoint: "unix:///nonexistent/docker.sock" })).rejects.toMatchObject({
      code: "HOST_UNAVAILABLE",
      message: expect.stringMatching(/^Probing unix:\/\/\/nonexistent\/docker\.sock: cannot reach the Docker engine \(.*ENOENT/),
    });
  });
});
