import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectHost, type DockerHost } from "@/lib/docker/client";
import { acquireDockerHosts, type TestDockerHosts } from "../support/docker-hosts";

/** A TCP port that accepts connections and never answers: a hung engine. */
async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: PromiseSettledResult<T>; ms: number }> {
  const started = performance.now();
  const [result] = await Promise.allSettled([work()]);
  return { result, ms: performance.now() - started };
}

describe("DockerHost against a real engine", () => {
  let engines: TestDockerHosts;
  let host: DockerHost;

  beforeAll(async () => {
    engines = await acquireDockerHosts(1);
    host = engines.hosts[0];
  });
  afterAll(() => engines?.release());

  it("probes the engine: version, CPUs, memory", async () => {
    const info = await host.probe();
    expect(info.dockerVersion).toMatch(/^\d+\.\d+/);
    expect(info.apiVersion).toMatch(/^1\.\d+$/);
    expect(info.cpus).toBeGreaterThan(0);
    expect(info.memoryMiB).toBeGreaterThan(64);
    expect(info.operatingSystem).not.toBe("");
    expect(info.name).not.toBe("");
  });

  it("pings", async () => {
    await expect(host.ping()).resolves.toBeUndefined();
  });

  it("fails fast with HOST_UNAVAILABLE when the socket does not exist", async () => {
    const { result, ms } = await timed(() => connectHost({ endpoint: "unix:///tmp/berth-no-such-engine.sock" }).probe());
    expect(result).toMatchObject({ status: "rejected", reason: { code: "HOST_UNAVAILABLE" } });
    expect(ms).toBeLessThan(1_000);
  });

  it("fails fast with HOST_UNAVAILABLE when nothing listens on the port", async () => {
    const closed = await silentServer();
    await closed.close();
    const { result } = await timed(() => connectHost({ endpoint: `tcp://127.0.0.1:${closed.port}` }).probe());
    expect(result).toMatchObject({ status: "rejected", reason: { code: "HOST_UNAVAILABLE" } });
  });

  it("gives up on an engine that accepts but never answers, after the timeout", async () => {
    const hung = await silentServer();
    try {
      const { result, ms } = await timed(() => connectHost({ endpoint: `tcp://127.0.0.1:${hung.port}` }).probe(300));
      expect(result).toMatchObject({ status: "rejected", reason: { code: "HOST_UNAVAILABLE", message: expect.stringMatching(/no answer within 0.3 s/) } });
      expect(ms).toBeGreaterThanOrEqual(290);
      expect(ms).toBeLessThan(2_000);
    } finally {
      await hung.close();
    }
  });
});
