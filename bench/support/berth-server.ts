import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const READY = "Berth is ready at";

export type BerthServer = { pid: number; url: string; stop: () => Promise<void> };

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A server left by a run that was killed outright (SIGKILL gives no chance to clean up). */
export async function stopLeftoverServer(pidfile: string): Promise<void> {
  if (!existsSync(pidfile)) return;
  const pid = Number(readFileSync(pidfile, "utf8"));
  let command = "";
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return;
  }
  // The pid may have been reused by an unrelated process since.
  if (!command.includes("server.ts")) return;
  process.kill(pid, "SIGKILL");
  while (alive(pid)) await new Promise((r) => setTimeout(r, 50));
}

/**
 * Berth's own server process (server.ts, production mode, the Next build in `dist`), as `npm start`
 * runs it; resolves once it listens. Its output is kept and shown only if it fails to start.
 */
export async function startBerthServer(options: {
  dist: string;
  port: number;
  pidfile: string;
  env: Record<string, string>;
}): Promise<BerthServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/register-server-only.mjs", "server.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...options.env,
      NODE_ENV: "production",
      HOSTNAME: "127.0.0.1",
      PORT: String(options.port),
      BERTH_NEXT_DIST: options.dist,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  writeFileSync(options.pidfile, String(child.pid));
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = once(child, "exit");

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timeout = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timeout);
  };

  const deadline = Date.now() + 120_000;
  while (!output.includes(READY)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`Berth's server did not start. Its last output:\n${output.split("\n").slice(-30).join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { pid: child.pid!, url: `http://127.0.0.1:${options.port}`, stop };
}
