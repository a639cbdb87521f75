import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export type AppProcess = { child: ChildProcess; state: () => { pool?: string; leader?: boolean }; exited: Promise<void> };

const root = path.resolve(import.meta.dirname, "../..");

/** Starts tests/support/berth-process.ts as a separate OS process on the current test database. */
export async function startAppProcess(): Promise<AppProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/register-server-only.mjs", "tests/support/berth-process.ts"],
    { cwd: root, env: { ...process.env, LOG_LEVEL: "silent" }, stdio: ["ignore", "pipe", "inherit"] },
  );
  let last: { pool?: string; leader?: boolean } = {};
  let buffer = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split("\n");
    buffer = lines.pop()!;
    for (const line of lines) if (line.startsWith("{")) last = JSON.parse(line);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 30_000;
  while (!last.pool) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("the app process did not start");
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, state: () => last, exited };
}
