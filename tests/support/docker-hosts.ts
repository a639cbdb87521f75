import { tmpdir } from "node:os";
import path from "node:path";
import { connectHost, type DockerHost } from "@/lib/docker/client";
import { startPrivateDaemons, stopAll } from "@/scripts/lib/dockerd.mjs";

function runnerEndpoints(): string[] {
  return process.env.BERTH_TEST_DOCKER_HOSTS?.split(",").filter(Boolean) ?? [];
}

/** The endpoints (`unix://…`) of the private dockerd daemons the test runner started. */
export function testDockerHosts(): string[] {
  const endpoints = runnerEndpoints();
  if (!endpoints.length) throw new Error("BERTH_TEST_DOCKER_HOSTS is not set: run integration tests through `npm test`");
  return endpoints;
}

export type TestDockerHosts = { hosts: DockerHost[]; release: () => Promise<void> };

/**
 * Docker engines for an integration test file: the runner's daemons, or, when the file runs on
 * its own (`npx vitest run tests/docker`, as root), `count` private daemons started here and
 * stopped by `release`.
 */
export async function acquireDockerHosts(count: number): Promise<TestDockerHosts> {
  const fromRunner = runnerEndpoints();
  if (fromRunner.length >= count) {
    return { hosts: fromRunner.slice(0, count).map((endpoint) => connectHost({ endpoint })), release: async () => {} };
  }
  // Names and subnets differ from the runner's, so a standalone run never stops the runner's daemons.
  const daemons = await startPrivateDaemons({
    count,
    baseDir: path.join(tmpdir(), "berth-it-docker"),
    namePrefix: "berth-it",
    subnetBase: 230,
  });
  return { hosts: daemons.map((d) => connectHost({ endpoint: d.endpoint })), release: () => stopAll(daemons) };
}
