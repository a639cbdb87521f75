// Runs before each integration test file is imported: Berth reads its environment once, so the
// data directory and image store of this file must be set before any lib module loads.
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const dataDir = mkdtempSync(path.join(tmpdir(), "berth-test-"));
chmodSync(dataDir, 0o755); // as root, the embedded PostgreSQL runs as `postgres` and must reach it
process.env.BERTH_DATA_DIR = dataDir;
process.env.BERTH_IMAGE_STORE = path.join(dataDir, "images");
process.env.LOG_LEVEL ??= "silent";
