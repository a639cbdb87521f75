// Makes sure node_modules matches the committed lockfile. Plain Node: runs before node_modules exists.
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

export function ensureDependencies(root, log = console.log) {
  const installed = path.join(root, "node_modules/.package-lock.json");
  const lock = path.join(root, "package-lock.json");
  const stale = !existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs;
  if (stale) {
    // `npm ci` rejects lockfiles made against this registry (missing other platforms' optional
    // packages); `npm install` with the committed lockfile installs the same versions.
    log("npm install (dependencies are missing or older than package-lock.json)");
    execFileSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  }
  if (!existsSync(path.join(root, "lib/db/generated/client.ts"))) {
    execFileSync("npm", ["run", "db:generate"], { cwd: root, stdio: "inherit" });
  }
}
