// A Berth app process without the web part, for tests that kill or double the app: the job
// worker, the dead-worker sweep and the host monitor, as server.ts starts them.
// Prints one JSON line a second: { pool, leader }.
import { startServices } from "@/lib/runtime/services";

const services = await startServices(process.env.DATABASE_URL!, { heartbeatMs: 500, reconcileMs: 2000, orphanGraceMs: 2000 });
const report = () => console.log(JSON.stringify({ pool: services.poolId, leader: services.isLeader() }));
report();
setInterval(report, 250);
process.on("SIGTERM", () => void services.stop().finally(() => process.exit(0)));
