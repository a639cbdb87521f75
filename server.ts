import { createServer } from "node:http";
import next from "next";
import { createConsoleServer, isConsoleUpgrade } from "./lib/console/console-server";
import { env } from "./lib/env";
import { logger } from "./lib/logger";
import { startServices } from "./lib/runtime/services";
import { boot } from "./lib/setup/boot";

// Berth's own server: Next serves pages and actions; console WebSockets are upgraded here.
const dev = process.argv.includes("--dev");
const config = env();
const say = (line: string) => console.log(`berth: ${line}`);

const booted = await boot(say);
const services = await startServices(process.env.DATABASE_URL!, {
  concurrency: config.BERTH_JOB_CONCURRENCY,
  heartbeatMs: config.BERTH_HEARTBEAT_INTERVAL_S * 1000,
  reconcileMs: config.BERTH_RECONCILE_INTERVAL_S * 1000,
});
const app = next({ dev, hostname: config.HOSTNAME, port: config.PORT });
await app.prepare();
const handle = app.getRequestHandler();
const server = createServer((req, res) => void handle(req, res));
const upgrade = app.getUpgradeHandler();
const consoles = createConsoleServer();
server.on("upgrade", (req, socket, head) => {
  if (isConsoleUpgrade(req)) void consoles.handleUpgrade(req, socket, head);
  else void upgrade(req, socket, head);
});

server.listen(config.PORT, config.HOSTNAME, () => {
  say(`Berth is ready at http://localhost:${config.PORT}`);
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  say(`${signal}: shutting down`);
  server.close();
  await consoles.close();
  server.closeAllConnections();
  await services.stop().catch((error) => logger.error({ err: error }, "stopping services failed"));
  await booted.shutdown().catch((error) => logger.error({ err: error }, "shutdown failed"));
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
