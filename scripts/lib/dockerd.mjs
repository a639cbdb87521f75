// Starts and stops Docker engines: private daemons for tests and benchmarks, the local engine
// for `npm start`. Plain Node with no npm packages: it runs before node_modules exists.
// Each private daemon needs its own socket, data root, exec root, pidfile and pre-created bridge;
// the comments below say which measured trap (with docker.io 20.10) each other step avoids.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { aptInstall } from "./apt.mjs";

const DEFAULT_SOCKET = "/var/run/docker.sock";
const SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const IFNAMSIZ = 15;
const UNIX_PATH_MAX = 107;
const STOP_GRACE_MS = 15_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// dockerd finds containerd, runc, docker-init and docker-proxy on PATH; some live in sbin.
const daemonEnv = () => ({ ...process.env, PATH: `${process.env.PATH ?? ""}:${SYSTEM_PATH}` });

function findExecutable(name) {
  return daemonEnv()
    .PATH.split(":")
    .filter(Boolean)
    .map((dir) => path.join(dir, name))
    .find((candidate) => existsSync(candidate));
}

/** One request to a Docker API socket: `{ status, body }`. */
function request(socketPath, method, urlPath, timeoutMs) {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, method, path: urlPath, timeout: timeoutMs }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode, body }));
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${urlPath} on ${socketPath}: no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end();
  });
}

export async function answersPing(socketPath) {
  try {
    const { status, body } = await request(socketPath, "GET", "/_ping", 2_000);
    return status === 200 && body === "OK";
  } catch {
    return false;
  }
}

function tail(file, lines = 15) {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Polls `_ping`; `deathCause()` returns a reason as soon as the daemon process is known to have died. */
async function waitForPing(socketPath, { timeoutMs, deathCause, logFile }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answersPing(socketPath)) return;
    const cause = deathCause();
    if (cause) throw new Error(`dockerd for ${socketPath} ${cause}. Last lines of ${logFile}:\n${tail(logFile)}`);
    await sleep(50);
  }
  throw new Error(`dockerd did not answer on ${socketPath} within ${timeoutMs / 1000} s. Last lines of ${logFile}:\n${tail(logFile)}`);
}

// ---------- processes by pidfile ----------

/** State letter and parent of a process, or null when it is gone. */
function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state, ppid: Number(ppid) };
  } catch {
    return null;
  }
}

/** "running", "zombie" (dead, not yet reaped) or "gone". */
function processState(pid) {
  const stat = procStat(pid);
  return !stat ? "gone" : stat.state === "Z" ? "zombie" : "running";
}

function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

function commandName(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return null;
  }
}

/**
 * The pid in `pidfile` if that process still runs `program`. A pidfile naming a dead, zombie or
 * recycled pid is removed: dockerd refuses to start over it ("pid file found").
 */
function livePid(pidfile, program) {
  let pid = NaN;
  try {
    pid = Number(readFileSync(pidfile, "utf8").trim());
  } catch {
    return null;
  }
  if (pid > 0 && processState(pid) === "running" && commandName(pid) === program) return pid;
  rmSync(pidfile, { force: true });
  return null;
}

async function exited(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (processState(pid) === "running") {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

async function terminate(pidfile, program, graceMs) {
  const pid = livePid(pidfile, program);
  if (!pid) return;
  signal(pid, "SIGTERM");
  if (!(await exited(pid, graceMs))) {
    signal(pid, "SIGKILL");
    await exited(pid, 5_000);
  }
  rmSync(pidfile, { force: true });
}

// ---------- private daemons ----------

function daemonLayout(baseDir, name, index, subnetBase) {
  const dir = path.join(baseDir, name);
  const octet = subnetBase + index;
  return {
    name,
    socketPath: path.join(baseDir, `${name}.sock`),
    endpoint: `unix://${path.join(baseDir, `${name}.sock`)}`,
    pidfile: path.join(dir, "dockerd.pid"),
    dataRoot: path.join(dir, "data"),
    configFile: path.join(dir, "daemon.json"),
    // containerd puts sockets under the exec root and socket paths are short: keep this one short.
    execRoot: `/run/berth-${name}`,
    logFile: path.join(baseDir, `${name}.log`),
    bridge: name,
    bridgeAddress: `10.${octet}.0.1/24`,
    addressPool: `base=10.${octet}.0.0/16,size=24`,
  };
}

function checkLayout(d) {
  if (d.bridge.length > IFNAMSIZ) throw new Error(`Daemon name ${d.name} is too long for a bridge name (at most ${IFNAMSIZ} characters).`);
  if (d.socketPath.length > UNIX_PATH_MAX) throw new Error(`Socket path ${d.socketPath} is too long for a unix socket; use a shorter baseDir.`);
  const octet = Number(d.bridgeAddress.split(".")[1]);
  if (!(octet >= 1 && octet <= 255)) throw new Error(`10.${octet}.0.0/16 is not a network: keep subnetBase + count - 1 within 1..255.`);
}

function ip(...args) {
  execFileSync("ip", args, { stdio: ["ignore", "ignore", "pipe"], env: daemonEnv() });
}

/** Interfaces holding an address in the daemon's 10.X.0.0/16. */
function interfacesInPool(d) {
  const prefix = `${d.bridgeAddress.split(".").slice(0, 2).join(".")}.`;
  const { stdout } = spawnSync("ip", ["-4", "-o", "addr", "show"], { encoding: "utf8", env: daemonEnv() });
  return (stdout ?? "")
    .split("\n")
    .map((line) => line.split(/\s+/))
    .filter(([, , , address]) => address?.startsWith(prefix))
    .map(([, name, , address]) => ({ name, address }));
}

// The bridges of a daemon's own networks (named br-<network id>) outlive it, keeping their subnets routed.
function deleteBridges(d) {
  const strays = interfacesInPool(d).map((i) => i.name).filter((name) => /^br-[0-9a-f]{12}$/.test(name));
  for (const bridge of new Set([d.bridge, ...strays])) spawnSync("ip", ["link", "del", bridge], { stdio: "ignore", env: daemonEnv() });
}

function createBridge(d) {
  // Another interface in our subnets would silently misroute traffic: refuse instead.
  const holder = interfacesInPool(d)[0];
  if (holder) throw new Error(`${holder.name} holds ${holder.address}, inside ${d.addressPool}; choose another subnetBase or delete ${holder.name}.`);
  ip("link", "add", "name", d.bridge, "type", "bridge");
  ip("addr", "add", d.bridgeAddress, "dev", d.bridge);
  ip("link", "set", d.bridge, "up");
}

async function removeAllContainers(socketPath) {
  const { status, body } = await request(socketPath, "GET", "/containers/json?all=1", 10_000);
  if (status !== 200) throw new Error(`listing containers on ${socketPath}: HTTP ${status} ${body}`);
  await Promise.all(
    JSON.parse(body).map(({ Id }) => request(socketPath, "DELETE", `/containers/${Id}?force=1&v=1`, STOP_GRACE_MS)),
  );
}

// Containers outlive a daemon killed with SIGKILL: their shims keep them running. The shims of
// this daemon are the ones that talk to its containerd socket; end them and everything below them.
function killOrphanedContainers(d) {
  const address = `-address ${path.join(d.execRoot, "containerd", "containerd.sock")}`;
  const processes = readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => ({ pid: Number(entry), ppid: procStat(entry)?.ppid, shim: commandLine(entry).includes(address) }));
  const doomed = new Set(processes.filter((p) => p.shim).map((p) => p.pid));
  let added = doomed.size > 0;
  while (added) {
    added = false;
    for (const p of processes.filter((p) => !doomed.has(p.pid) && doomed.has(p.ppid))) {
      doomed.add(p.pid);
      added = true;
    }
  }
  for (const pid of doomed) signal(pid, "SIGKILL");
}

// A daemon that died without its shutdown leaves mounts behind (its data root, bind-mounted onto
// itself; container filesystems; network namespaces), and a data root still mounted cannot be deleted.
function unmountLeftovers(d) {
  const inside = (mount, dir) => mount === dir || mount.startsWith(`${dir}/`);
  const mounts = readFileSync("/proc/mounts", "utf8")
    .split("\n")
    .map((line) => line.split(" ")[1])
    .filter((mount) => mount && (inside(mount, d.dataRoot) || inside(mount, d.execRoot)));
  for (const mount of mounts.sort((a, b) => b.length - a.length)) spawnSync("umount", ["-l", mount], { stdio: "ignore", env: daemonEnv() });
}

/**
 * Force-removes the daemon's containers (SIGTERM would otherwise wait for each), stops it by its
 * pidfile (SIGKILL after 15 s), then its containerd and containers if they linger (a daemon that
 * was SIGKILLed), then clears its mounts and bridges.
 * Safe to call twice, concurrently, or on a daemon that never started.
 */
export async function stopDaemon(d) {
  if (await answersPing(d.socketPath)) {
    await removeAllContainers(d.socketPath).catch((error) => console.error(`dockerd ${d.name}: ${error.message}`));
  }
  await terminate(d.pidfile, "dockerd", STOP_GRACE_MS);
  await terminate(path.join(d.execRoot, "containerd", "containerd.pid"), "containerd", 5_000);
  killOrphanedContainers(d);
  unmountLeftovers(d);
  deleteBridges(d);
}

export async function stopAll(daemons) {
  await Promise.all(daemons.map((d) => stopDaemon(d)));
}

/** Detached, so a Ctrl-C to our process group does not reach the daemon before we stop it in order. */
function spawnDockerd(args, logFile) {
  const log = openSync(logFile, "a");
  const child = spawn(findExecutable("dockerd") ?? "dockerd", args, { detached: true, stdio: ["ignore", log, log], env: daemonEnv() });
  closeSync(log);
  child.unref();
  let death = null;
  child.on("error", (error) => (death = `could not start (${error.message})`));
  child.on("exit", (code, sig) => (death = `exited (${sig ?? `code ${code}`})`));
  return { pid: child.pid, deathCause: () => death };
}

function daemonArgs(d, liveRestore) {
  return [
    `--host=${d.endpoint}`,
    `--config-file=${d.configFile}`,
    `--data-root=${d.dataRoot}`,
    `--exec-root=${d.execRoot}`,
    `--pidfile=${d.pidfile}`,
    `--bridge=${d.bridge}`,
    `--default-address-pool=${d.addressPool}`,
    "--iptables=true",
    // Separate namespaces in case a system containerd is shared by several daemons.
    `--containerd-namespace=${d.name}`,
    `--containerd-plugins-namespace=${d.name}-plugins`,
    ...(liveRestore ? ["--live-restore"] : []),
  ];
}

async function startPrivateDaemon(d, { liveRestore }) {
  await stopDaemon(d); // whatever an earlier run left under this name
  // A daemon given --default-address-pool that finds its old "bridge" network in this store deletes
  // docker0 on start (measured: it cuts off the machine's own engine). Its containers are gone
  // already, so the store holds nothing worth keeping.
  rmSync(path.join(d.dataRoot, "network"), { recursive: true, force: true });
  mkdirSync(d.dataRoot, { recursive: true });
  // An empty config file, so a host-wide /etc/docker/daemon.json cannot clash with our flags.
  writeFileSync(d.configFile, "{}\n");
  createBridge(d);
  const { deathCause } = spawnDockerd(daemonArgs(d, liveRestore), d.logFile);
  try {
    await waitForPing(d.socketPath, { timeoutMs: 60_000, deathCause, logFile: d.logFile });
  } catch (error) {
    await stopDaemon(d);
    throw error;
  }
  return { ...d, stop: () => stopDaemon(d) };
}

/**
 * Starts `count` dockerd side by side, each on `unix://<baseDir>/<namePrefix><i>.sock` with its own
 * data root, exec root, pidfile and bridge (10.<subnetBase + i>.0.1/24). Names must be unique on
 * the machine: exec roots and bridges are machine-wide. Resolves once every daemon answers `_ping`.
 */
export async function startPrivateDaemons({ count, baseDir, namePrefix = "berth-d", subnetBase = 200, liveRestore = false }) {
  baseDir = path.resolve(baseDir);
  mkdirSync(baseDir, { recursive: true });
  const layouts = Array.from({ length: count }, (_, i) => daemonLayout(baseDir, `${namePrefix}${i}`, i, subnetBase));
  layouts.forEach(checkLayout);
  writeFileSync(path.join(baseDir, "daemons.json"), `${JSON.stringify(layouts, null, 2)}\n`);
  const started = [];
  try {
    // One at a time: daemons starting together race to create the shared iptables chains.
    for (const d of layouts) started.push(await startPrivateDaemon(d, { liveRestore }));
  } catch (error) {
    await stopAll(layouts);
    throw error;
  }
  return started;
}

/** Kills a private daemon outright (SIGKILL), as a crash would; its containers stay behind. */
export async function killDaemon(d) {
  const pid = livePid(d.pidfile, "dockerd");
  if (!pid) return;
  signal(pid, "SIGKILL");
  await exited(pid, 5_000);
}

/**
 * Starts a killed private daemon again on the same socket, roots and bridge, keeping what it left
 * (with live restore, its containers are still running). Stale pidfiles of dead processes go first.
 */
export async function restartDaemon(d, { liveRestore = false } = {}) {
  livePid(d.pidfile, "dockerd");
  livePid(path.join(d.execRoot, "containerd", "containerd.pid"), "containerd");
  const { deathCause } = spawnDockerd(daemonArgs(d, liveRestore), d.logFile);
  await waitForPing(d.socketPath, { timeoutMs: 60_000, deathCause, logFile: d.logFile });
}

/** Stops the daemons `startPrivateDaemons` left under `baseDir` (for a crashed run or the CLI). */
export async function stopDaemonsIn(baseDir) {
  const file = path.join(path.resolve(baseDir), "daemons.json");
  if (!existsSync(file)) return;
  await stopAll(JSON.parse(readFileSync(file, "utf8")));
}

// ---------- the machine's own engine ----------

/** Installs docker.io and busybox-static when missing (root on Debian/Ubuntu); otherwise says what to do. */
export function ensureDockerInstalled(log = console.log) {
  if (findExecutable("dockerd") && existsSync("/bin/busybox") && findExecutable("ip")) return;
  try {
    aptInstall(["docker.io", "busybox-static", "iproute2"], log);
  } catch (error) {
    throw new Error(
      `${error.message}\nBerth needs a Docker engine: install Docker and busybox-static, or set DOCKER_HOST to a running engine (unix://, tcp:// or ssh://).`,
    );
  }
  if (!findExecutable("dockerd")) throw new Error("docker.io is installed but dockerd is not on PATH.");
}

/**
 * For `npm start`: the endpoint of a Docker engine that answers, starting the machine's default
 * dockerd in the background (it outlives Berth) when none does. A tcp:// or ssh:// DOCKER_HOST is
 * the user's explicit choice and is returned as given.
 */
export async function ensureLocalEngine(log = console.log, { logFile = "/var/log/berth-dockerd.log" } = {}) {
  const fromEnv = process.env.DOCKER_HOST;
  if (fromEnv && !fromEnv.startsWith("unix://")) {
    log(`Using DOCKER_HOST=${fromEnv}`);
    return fromEnv;
  }
  const candidates = [...new Set([fromEnv?.slice("unix://".length), DEFAULT_SOCKET].filter(Boolean))];
  for (const socketPath of candidates) {
    if (await answersPing(socketPath)) return `unix://${socketPath}`;
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      `No Docker engine answers at ${candidates.join(" or ")}, and only root can start one. Start dockerd, or set DOCKER_HOST to a running engine.`,
    );
  }
  ensureDockerInstalled(log);

  // A dockerd that is still starting (its pidfile is live) is waited for, not started twice.
  let deathCause = () => null;
  if (!livePid("/var/run/docker.pid", "dockerd")) {
    livePid("/var/run/docker/containerd/containerd.pid", "containerd"); // clears it if stale
    mkdirSync(path.dirname(logFile), { recursive: true });
    const started = spawnDockerd([], logFile);
    deathCause = started.deathCause;
    log(`Starting dockerd (pid ${started.pid}, log ${logFile})`);
  }
  await waitForPing(DEFAULT_SOCKET, { timeoutMs: 60_000, deathCause, logFile });
  return `unix://${DEFAULT_SOCKET}`;
}

// ---------- CLI: node scripts/lib/dockerd.mjs start <count> <baseDir> [namePrefix] [subnetBase] | stop <baseDir> ----------

async function cli([command, ...args]) {
  if (command === "start") {
    const [count, baseDir, namePrefix, subnetBase] = args;
    const daemons = await startPrivateDaemons({
      count: Number(count ?? 1),
      baseDir: baseDir ?? ".berth/dockerd",
      namePrefix,
      subnetBase: subnetBase ? Number(subnetBase) : undefined,
    });
    for (const d of daemons) console.log(`${d.name}\t${d.endpoint}\tlog ${d.logFile}`);
  } else if (command === "stop") {
    await stopDaemonsIn(args[0] ?? ".berth/dockerd");
  } else {
    console.error("usage: node scripts/lib/dockerd.mjs start <count> <baseDir> [namePrefix] [subnetBase] | stop <baseDir>");
    process.exitCode = 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).catch((error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
