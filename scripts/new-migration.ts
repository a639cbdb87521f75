// `npm run db:migration -- <name>`: writes prisma/migrations/<stamp>_<name>/migration.sql with the
// SQL that turns the committed schema (git HEAD) into the working prisma/schema.prisma.
// Prisma 7's CLI needs a native engine it cannot download here; Prisma 6.19's WebAssembly engine
// diffs offline, but only through a driver adapter with a live server, so a throwaway embedded
// PostgreSQL is started for it.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";

const PRISMA6 = "6.19.3";
const root = path.resolve(import.meta.dirname, "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lowercase letters, digits and underscores)");
  process.exit(2);
}

const tools = path.join(root, ".berth/tools/prisma6");
if (!existsSync(path.join(tools, "node_modules/prisma"))) {
  mkdirSync(tools, { recursive: true });
  writeFileSync(path.join(tools, "package.json"), '{ "private": true }');
  execFileSync("npm", ["install", "--no-audit", "--no-fund", `prisma@${PRISMA6}`, `@prisma/adapter-pg@${PRISMA6}`], {
    cwd: tools,
    stdio: "inherit",
  });
}

const migrationsDir = path.join(root, "prisma/migrations");
const hasMigrations = readdirSync(migrationsDir, { withFileTypes: true }).some((e) => e.isDirectory());
const scratch = mkdtempSync(path.join(tools, "run-"));
chmodSync(scratch, 0o755);

// Prisma 6 wants the classic generator and a datasource URL; the models are what matter.
function forPrisma6(schema: string): string {
  return schema
    .replace(/provider\s*=\s*"prisma-client"/, 'provider = "prisma-client-js"\n  engineType = "client"')
    .replace(/provider\s*=\s*"postgresql"/, 'provider = "postgresql"\n  url = env("DATABASE_URL")');
}

const postgres = await startEmbeddedPostgres(path.join(scratch, "data"));
try {
  const current = execFileSync("cat", [path.join(root, "prisma/schema.prisma")], { encoding: "utf8" });
  writeFileSync(path.join(scratch, "to.prisma"), forPrisma6(current));
  const args = ["migrate", "diff", "--to-schema-datamodel", "to.prisma", "--script"];
  if (hasMigrations) {
    const committed = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root, encoding: "utf8" });
    writeFileSync(path.join(scratch, "from.prisma"), forPrisma6(committed));
    args.push("--from-schema-datamodel", "from.prisma");
  } else {
    args.push("--from-empty");
  }
  writeFileSync(
    path.join(scratch, "prisma.config.ts"),
    `import { PrismaPg } from "@prisma/adapter-pg";
export default {
  engine: "js",
  experimental: { adapter: true },
  schema: "to.prisma",
  adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(postgres.url)} }),
};
`,
  );
  const sql = execFileSync(path.join(tools, "node_modules/.bin/prisma"), args, {
    cwd: scratch,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: postgres.url, PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false", NODE_PATH: path.join(tools, "node_modules") },
  });
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("schema.prisma has no changes against git HEAD: no migration written");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
  }
} finally {
  await postgres.stop();
  rmSync(scratch, { recursive: true, force: true });
}
