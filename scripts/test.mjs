// `npm test`: installs what the tests need, then hands over to the TypeScript test runner.
// Plain Node so it runs on a machine with nothing but Node and npm.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { aptInstall } from "./lib/apt.mjs";
import { ensureDependencies } from "./lib/npm-deps.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const say = (line) => console.log(`test: ${line}`);

try {
  ensureDependencies(root, say);
  aptInstall(["docker.io", "busybox-static", "chromium", "iproute2", "iptables", "python3-openstackclient"], say);
} catch (error) {
  console.error(`test: cannot prepare: ${error instanceof Error ? error.message : error}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const run = spawnSync(
  process.execPath,
  ["--import", "tsx", "--import", "./scripts/register-server-only.mjs", "scripts/run-tests.ts", ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit" },
);
process.exit(run.status ?? 1);
