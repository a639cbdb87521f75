// The instance list's server response for one page, with 10,000 instances in the project.
// Usage: npm run bench:list [-- --runs 250]
// Starts its own PostgreSQL, migrates, writes 10,000 instances into one project (and 10,000 into
// another, so the index has to tell them apart), then times what the page and the list API do for
// one page: listInstances (one query, image and host names joined) plus the JSON of the response.
// Also prints the query plan and the timings of deeper pages, other orders and filters.
// The last line is `p50_ms: N` for the first page in the default order.
import { randomUUID } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { createDb } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/client";
import { migrate } from "@/lib/db/migrate";
import { instanceRowsByIds, listInstances } from "@/lib/instances/list-instances";
import { instanceListQuerySchema, type InstanceListQuery } from "@/lib/instances/list-query";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "250" } } });
const RUNS = Number(args.runs);
const INSTANCES = 10_000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

/** Inserts `count` instances into a project in batches, one multi-row INSERT per batch (unnest of arrays). */
async function insertInstances(client: pg.Client, projectId: string, count: number, refs: { imageIds: string[]; hostId: string; flavors: { id: string; name: string; vcpus: number; ramMiB: number; diskGiB: number }[] }) {
  const BATCH = 2000;
  const now = Date.now();
  for (let start = 0; start < count; start += BATCH) {
    const cols = { id: [] as string[], name: [] as string[], image: [] as string[], flavorId: [] as string[], flavorName: [] as string[], vcpus: [] as number[], ram: [] as number[], disk: [] as number[], vm: [] as string[], power: [] as string[], fault: [] as (string | null)[], created: [] as string[] };
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const flavor = refs.flavors[i % refs.flavors.length];
      // A realistic mix: mostly running, some stopped, a few failed or still building.
      const state = i % 20 === 0 ? ["error", "nostate"] : i % 20 === 1 ? ["building", "nostate"] : i % 10 === 2 ? ["stopped", "shutdown"] : ["active", "running"];
      cols.id.push(randomUUID());
      cols.name.push(`bench-${String(i).padStart(5, "0")}`);
      cols.image.push(refs.imageIds[i % refs.imageIds.length]);
      cols.flavorId.push(flavor.id);
      cols.flavorName.push(flavor.name);
      cols.vcpus.push(flavor.vcpus);
      cols.ram.push(flavor.ramMiB);
      cols.disk.push(flavor.diskGiB);
      cols.vm.push(state[0]);
      cols.power.push(state[1]);
      cols.fault.push(state[0] === "error" ? "No valid host: 0 of 1 host can fit 8 vCPUs (local: 0 vCPU free)" : null);
      // Spread over 30 days, one every ~4 minutes.
      cols.created.push(new Date(now - i * 259_000).toISOString());
    }
    await client.query(
      `INSERT INTO instances (id, name, "projectId", kind, "imageId", "flavorId", "flavorName", vcpus, "ramMiB", "diskGiB", "hostId",
         "vmState", "powerState", "faultMessage", "createdAt", "updatedAt")
       SELECT id, name, $1::uuid, 'machine', image, "flavorId", "flavorName", vcpus, ram, disk, $2::uuid,
         vm::"VmState", power::"PowerState", fault, created, created
       FROM unnest($3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::int[], $9::int[], $10::int[], $11::text[], $12::text[], $13::text[], $14::timestamp[])
         AS t(id, name, image, "flavorId", "flavorName", vcpus, ram, disk, vm, power, fault, created)`,
      [projectId, refs.hostId, cols.id, cols.name, cols.image, cols.flavorId, cols.flavorName, cols.vcpus, cols.ram, cols.disk, cols.vm, cols.power, cols.fault, cols.created],
    );
  }
}

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const projectId = randomUUID();
  const otherProjectId = randomUUID();
  const hostId = randomUUID();
  await client.query(`INSERT INTO projects (id, name, "updatedAt") VALUES ($1, 'bench', now()), ($2, 'neighbour', now())`, [projectId, otherProjectId]);
  await client.query(`INSERT INTO hosts (id, name, endpoint, status, cpus, "memoryMiB", "updatedAt") VALUES ($1, 'local', 'unix:///var/run/docker.sock', 'up', 64, 262144, now())`, [hostId]);
  const imageIds: string[] = [];
  for (const name of ["busybox", "ticker", "httpd"]) {
    const id = randomUUID();
    imageIds.push(id);
    await client.query(`INSERT INTO images (id, name, status, visibility, "updatedAt") VALUES ($1, $2, 'active', 'public', now())`, [id, name]);
  }
  const flavors = [
    { id: randomUUID(), name: "m1.nano", vcpus: 1, ramMiB: 64, diskGiB: 1 },
    { id: randomUUID(), name: "m1.small", vcpus: 1, ramMiB: 512, diskGiB: 5 },
  ];
  for (const f of flavors) {
    await client.query(`INSERT INTO flavors (id, name, vcpus, "ramMiB", "diskGiB") VALUES ($1, $2, $3, $4, $5)`, [f.id, f.name, f.vcpus, f.ramMiB, f.diskGiB]);
  }
  // The stream's trigger fires for every row: the notifications simply go unheard here.
  await insertInstances(client, projectId, INSTANCES, { imageIds, hostId, flavors });
  await insertInstances(client, otherProjectId, INSTANCES, { imageIds, hostId, flavors });
  await client.query("ANALYZE");
  return { client, projectId, imageIds };
}

async function time(label: string, runs: number, body: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(30, runs); i++) await body();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await body();
    samples.push(performance.now() - started);
  }
  console.log(`${label.padEnd(52)} p50 ${ms(percentile(samples, 0.5))}  p95 ${ms(percentile(samples, 0.95))}  max ${ms(Math.max(...samples))}  (n=${runs})`);
  return samples;
}

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), "berth-bench-list-"));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data directory.
  await chmod(dir, 0o755);
  const postgres = await startEmbeddedPostgres(dir);
  let db: PrismaClient | undefined;
  let seeded: Awaited<ReturnType<typeof seed>> | undefined;
  try {
    await migrate(postgres.url);
    const started = performance.now();
    seeded = await seed(postgres.url);
    console.log(`seeded ${INSTANCES} instances in the project (and ${INSTANCES} in another) in ${ms(performance.now() - started)}`);
    const { projectId, imageIds, client } = seeded;

    const viewer = { role: "member" as const };
    const query = (over: Partial<InstanceListQuery> = {}) => instanceListQuerySchema.parse(over);

    // One traced page first, so the plan shown is that of the query the app really sends.
    const recorded: { query: string; params: string }[] = [];
    const traced = new PrismaClient({ adapter: new PrismaPg({ connectionString: postgres.url, max: 1 }), log: [{ emit: "event", level: "query" }] });
    traced.$on("query", (event) => recorded.push({ query: event.query, params: event.params }));
    const first = await listInstances(traced, viewer, projectId, query());
    await traced.$disconnect();
    const body = JSON.stringify(first);
    console.log(`first page: ${first.rows.length} rows, ${(body.length / 1024).toFixed(1)} KiB of JSON, next cursor ${first.nextCursor ? "present" : "absent"}`);
    console.log(`queries per page: ${recorded.length} (the instances, then the names of their images and hosts: one query each, whatever the page size)`);
    const main = recorded.find((entry) => entry.query.includes('FROM "public"."instances"'));
    if (main) {
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${main.query}`, JSON.parse(main.params));
      console.log("plan of the first page's instance query:");
      for (const row of plan.rows) console.log(`  ${row["QUERY PLAN"]}`);
    }

    // From here on, the app's own client, as the page uses it.
    db = createDb(postgres.url);
    const page = (q: InstanceListQuery) => listInstances(db!, viewer, projectId, q);

    // A cursor 100 pages deep, to show keyset paging does not slow down with depth.
    let deep = query();
    for (let i = 0; i < 100; i++) deep = query({ cursor: (await page(deep)).nextCursor ?? undefined });
    const ids = first.rows.map((row) => row.id);

    await time("page 101 (cursor 5,000 rows deep)", RUNS, () => page(deep));
    await time("sorted by name", RUNS, () => page(query({ sort: "name", dir: "asc" })));
    await time("sorted by status", RUNS, () => page(query({ sort: "status", dir: "desc" })));
    await time("filter: status ERROR", RUNS, () => page(query({ status: "ERROR" })));
    await time("filter: name contains '123'", RUNS, () => page(query({ name: "123" })));
    await time("filter: image + flavor", RUNS, () => page(query({ imageId: imageIds[1], flavor: "m1.small" })));
    await time("stream batch: 50 changed rows by id", RUNS, () => instanceRowsByIds(db!, viewer, projectId, ids));
    await time("first page: listInstances only", RUNS, () => page(query()));
    const response = await time("first page: listInstances + JSON (the response)", RUNS, async () => JSON.stringify(await page(query())));
    console.log(`p50_ms: ${percentile(response, 0.5).toFixed(2)}`);
  } finally {
    await db?.$disconnect();
    await seeded?.client.end();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
