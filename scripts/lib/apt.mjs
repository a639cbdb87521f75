// Installs Debian packages the project needs. Plain Node: runs before node_modules exists.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

let updated = false;

function isInstalled(pkg) {
  return spawnSync("dpkg-query", ["-W", "-f=${Status}", pkg], { encoding: "utf8" }).stdout?.includes("install ok installed");
}

export function isDebianLike() {
  if (!existsSync("/etc/os-release")) return false;
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync("/etc/os-release", "utf8"));
}

/** Installs the packages that are missing; throws a message saying what to do when it cannot. */
export function aptInstall(packages, log = console.log) {
  const missing = packages.filter((p) => !isInstalled(p));
  if (!missing.length) return;
  if (process.getuid?.() !== 0 || !isDebianLike()) {
    throw new Error(`Missing system packages: ${missing.join(", ")}. Install them (e.g. apt-get install ${missing.join(" ")}) and try again.`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!updated) {
    log("apt-get update");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    updated = true;
  }
  log(`apt-get install ${missing.join(" ")}`);
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], { stdio: "inherit", env });
}
