// Runs every test Berth has against real services it starts itself — its own PostgreSQL and
// its own dockerd daemons on private sockets — and stops them all, even on failure.
// Ends with one line: `N passed, N failed`.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type RunningPostgres } from "../lib/db/embedded-postgres";
import { buildIfNeeded } from "./lib/build.mjs";
import { startPrivateDaemons, stopAll, stopDaemonsIn } from "./lib/dockerd.mjs";

type Outcome = { step: string; passed: number; failed: number };

const root = path.resolve(import.meta.dirname, "..");
// BERTH_TEST_SLOT=1, 2 or 3 runs beside the default run (slot 0) on this machine: its own work
// directory, daemons, bridge subnets and port. Set BERTH_NEXT_DIST too, for its own Next build.
const slot = Number(process.env.BERTH_TEST_SLOT ?? 0);
const SUBNET_BASES = [200, 250, 253, 190];
if (!(slot in SUBNET_BASES)) throw new Error("BERTH_TEST_SLOT must be 0, 1, 2 or 3");
const work = path.join(root, slot ? `.test-run-${slot}` : ".test-run");
// Project networks of each slot come from their own pool: daemons on one machine share its routes.
process.env.BERTH_NETWORK_POOL = `10.${136 + 8 * slot}.0.0/13`;
// `npm test -- unit e2e` runs those parts; other arguments (paths) narrow vitest and Playwright to them.
const args = process.argv.slice(2);
const STEPS = new Set(["typecheck", "lint", "unit", "integration", "e2e"]);
const only = new Set(args.filter((a) => STEPS.has(a)));
const paths = args.filter((a) => !STEPS.has(a));
const say = (line: string) => console.log(`\n=== ${line}`);
const outcomes: Outcome[] = [];
const cleanups: (() => Promise<unknown>)[] = [];

function wanted(step: string) {
  return only.size === 0 || only.has(step);
}

function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(1));
  });
}

/** A step that is one check (type check, lint, build): one pass or one failure. */
async function check(step: string, cmd: string, args: string[]) {
  say(step);
  const code = await run(cmd, args);
  outcomes.push({ step, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function vitest(project: "unit" | "integration", env: Record<string, string> = {}) {
  say(`${project} tests (vitest)`);
  const report = path.join(work, `${project}.json`);
  const code = await run(
    "node_modules/.bin/vitest",
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...(paths.length ? ["--passWithNoTests", ...paths] : [])],
    env,
  );
  const json = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTests: number }>(report);
  // A crash before the report is written still counts as a failure.
  const failed = (json?.numFailedTests ?? 0) + (code !== 0 && !json?.numFailedTests ? 1 : 0);
  outcomes.push({ step: project, passed: json?.numPassedTests ?? 0, failed });
}

async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Berth did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}

async function createDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
}

async function e2e(postgres: RunningPostgres, dockerEndpoint: string) {
  say("end-to-end tests (Playwright, chromium)");
  const port = 3100 + slot;
  const url = `http://127.0.0.1:${port}`;
  const adminPassword = randomBytes(9).toString("base64url");
  const serverUrl = postgres.url.replace(/\/berth$/, "/berth_e2e");
  await createDatabase(postgres.url.replace(/\/berth$/, "/postgres"), "berth_e2e");
  const dataDir = path.join(work, "e2e-data");
  await rm(dataDir, { recursive: true, force: true });
  const log = createWriteStream(path.join(work, "e2e-server.log"));
  const server = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/register-server-only.mjs", "server.ts"],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        DATABASE_URL: serverUrl,
        DOCKER_HOST: dockerEndpoint,
        BERTH_DATA_DIR: dataDir,
        BERTH_ADMIN_PASSWORD: adminPassword,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  const stopped = new Promise((r) => server.once("exit", r));
  cleanups.push(async () => {
    if (server.exitCode === null) server.kill("SIGTERM");
    await Promise.race([stopped, new Promise((r) => setTimeout(r, 10_000))]);
  });
  try {
    await waitForHealth(url, 120_000);
  } catch (error) {
    console.error(`${(error as Error).message}; server log: ${path.join(work, "e2e-server.log")}`);
    outcomes.push({ step: "e2e", passed: 0, failed: 1 });
    return;
  }
  const report = path.join(work, "e2e.json");
  const code = await run("node_modules/.bin/playwright", ["test", ...paths], {
    BERTH_E2E_URL: url,
    BERTH_ADMIN_PASSWORD: adminPassword,
    BERTH_E2E_JSON: report,
    BERTH_E2E_OUTPUT: path.join(work, "e2e-results"),
    // Fixtures seed what no page creates yet (other tenants) straight into the server's database.
    BERTH_E2E_DATABASE_URL: serverUrl,
  });
  const json = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(report);
  const failed = (json?.stats.unexpected ?? 0) + (code !== 0 && !json?.stats.unexpected ? 1 : 0);
  outcomes.push({ step: "e2e", passed: (json?.stats.expected ?? 0) + (json?.stats.flaky ?? 0), failed });
}

async function main() {
  // A crashed earlier run can leave daemons running and their data roots mounted.
  await stopDaemonsIn(path.join(work, "docker"));
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });

  if (wanted("typecheck")) await check("typecheck", "node_modules/.bin/tsc", ["--noEmit"]);
  if (wanted("lint")) await check("lint", "node_modules/.bin/eslint", ["--max-warnings", "0", "."]);
  if (wanted("unit")) await vitest("unit");
  if (!wanted("integration") && !wanted("e2e")) return;

  say("starting PostgreSQL and 3 dockerd daemons for the tests");
  const postgres = await startEmbeddedPostgres(path.join(work, "pg"), (line) => console.log(line));
  cleanups.push(() => postgres.stop());
  const daemons = await startPrivateDaemons({ count: 3, baseDir: path.join(work, "docker"), namePrefix: slot ? `berth-s${slot}-` : "berth-t", subnetBase: SUBNET_BASES[slot] });
  cleanups.push(() => stopAll(daemons));
  const dockerHosts = daemons.map((d: { endpoint: string }) => d.endpoint);

  if (wanted("integration")) {
    await vitest("integration", {
      BERTH_TEST_PG_URL: postgres.url.replace(/\/berth$/, ""),
      BERTH_TEST_DOCKER_HOSTS: dockerHosts.join(","),
    });
  }
  if (wanted("e2e")) {
    say("build (next build)");
    let built = true;
    try {
      buildIfNeeded(root, console.log);
    } catch {
      built = false;
    }
    outcomes.push({ step: "build", passed: built ? 1 : 0, failed: built ? 0 : 1 });
    if (built && existsSync(path.join(root, process.env.BERTH_NEXT_DIST ?? ".next", "BUILD_ID"))) await e2e(postgres, dockerHosts[0]);
  }
}

async function cleanup() {
  for (const fn of cleanups.reverse()) await fn().catch((e) => console.error(`cleanup: ${(e as Error).message}`));
  cleanups.length = 0;
}

function summary(): number {
  console.log("\n=== summary");
  for (const o of outcomes) console.log(`${o.step.padEnd(12)} ${o.passed} passed, ${o.failed} failed`);
  const passed = outcomes.reduce((n, o) => n + o.passed, 0);
  const failed = outcomes.reduce((n, o) => n + o.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping what the tests started`);
    void cleanup().finally(() => process.exit(1));
  });
}

try {
  await main();
} catch (error) {
  console.error(`test run aborted: ${(error as Error).stack ?? error}`);
  outcomes.push({ step: "harness", passed: 0, failed: 1 });
} finally {
  await cleanup();
}
process.exit(summary());
