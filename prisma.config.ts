import { defineConfig } from "prisma/config";

// Berth applies migrations itself (lib/db/migrate.ts); the CLI is used only to generate the client.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/berth" },
});
