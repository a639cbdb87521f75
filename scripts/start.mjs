// `npm start`: installs what is missing, makes sure a Docker engine answers, builds if needed
// and serves Berth. Plain Node so it runs on a machine with nothing but Node and npm.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfNeeded } from "./lib/build.mjs";
import { ensureDependencies } from "./lib/npm-deps.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const say = (line) => console.log(`berth: ${line}`);

try {
  ensureDependencies(root, say);
  const { ensureLocalEngine } = await import("./lib/dockerd.mjs");
  const endpoint = await ensureLocalEngine(say);
  say(`Docker engine: ${endpoint}`);
  buildIfNeeded(root, say);
  const server = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/register-server-only.mjs", "server.ts"],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", DOCKER_HOST: endpoint, NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} catch (error) {
  console.error(`berth: cannot start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
