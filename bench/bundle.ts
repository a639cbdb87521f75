// JavaScript each page sends to the browser, gzipped, against the budget of 250 KB per page.
// Builds the app into its own dist directory (.next-bundle), so no other build is touched, then
// reads what Turbopack wrote: `build-manifest.json` names the chunks every App Router page loads
// (`rootMainFiles`: React, Next's router, Turbopack's runtime); each page's
// `server/app/<route>/page_client-reference-manifest.js` names, in `entryJSFiles`, the chunks of
// the client components its layouts, error boundaries and the page itself use (a not-found
// boundary's chunk is fetched only when one is shown, so it is left out).
// A page's weight is its unique chunks, each gzipped with zlib (level 6, what a server sends).
// The legacy polyfills are left out: they are `nomodule` and no current browser fetches them.
// Chunks a page can fetch later (`import()`, e.g. the terminal) are found in its chunks' code
// (Turbopack writes their file names there) and counted in a second column: `max_kb_gz` is the
// heaviest page with them, the most JavaScript any one page can make a browser download.
//
// Usage: npm run bench:bundle [-- --no-build] [-- --dist .next-bundle] [-- --detail]
// --detail lists the heaviest page's own chunks with the client modules in them.
// The last line is `max_kb_gz: N` (the heaviest page).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

const { values: args } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    dist: { type: "string", default: ".next-bundle" },
    detail: { type: "boolean", default: false },
  },
});

const ROOT = path.resolve(import.meta.dirname, "..");
const DIST = path.join(ROOT, args.dist);
const BUDGET_KB = 250;

type ClientManifest = {
  clientModules: Record<string, { chunks: string[]; async?: boolean }>;
  entryJSFiles: Record<string, string[]>;
};

type PageWeight = { route: string; chunks: string[]; lazyChunks: string[]; rawBytes: number; gzipBytes: number; lazyGzipBytes: number };

function build(): void {
  // `next build` adds its dist directory's type folders to tsconfig.json; this run's directory is
  // private, so the shared file is put back as it was.
  const tsconfigPath = path.join(ROOT, "tsconfig.json");
  const tsconfig = readFileSync(tsconfigPath, "utf8");
  try {
    execFileSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, BERTH_NEXT_DIST: args.dist, NEXT_TELEMETRY_DISABLED: "1" },
    });
  } finally {
    if (readFileSync(tsconfigPath, "utf8") !== tsconfig) writeFileSync(tsconfigPath, tsconfig);
  }
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(DIST, file), "utf8")) as T;
}

/** The manifest is a script that assigns to `globalThis.__RSC_MANIFEST[route]`; run it in a sandbox. */
function clientManifest(entry: string): ClientManifest | null {
  const file = path.join(DIST, "server/app", `${entry}_client-reference-manifest.js`);
  if (!existsSync(file)) return null;
  const sandbox = { globalThis: { __RSC_MANIFEST: {} as Record<string, ClientManifest> } };
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox);
  return sandbox.globalThis.__RSC_MANIFEST[entry] ?? null;
}

/**
 * Error boundaries and layouts are in the page's payload, so their chunks load with it; a
 * not-found (forbidden, unauthorized) boundary's chunk loads only when one is shown.
 */
function loadsUpFront(segment: string, entry: string): boolean {
  return entry === "/_not-found/page" || !/\/(not-found|forbidden|unauthorized)$/.test(segment);
}

/** `/(project)/projects/[projectId]/overview/page` → `/projects/[projectId]/overview`. */
function routeOf(entry: string): string {
  return entry.replace(/\/\([^/]+\)/g, "").replace(/\/page$/, "") || "/";
}

type Chunk = { raw: number; gzip: number; loads: string[] };
const chunkCache = new Map<string, Chunk>();
function chunkOf(file: string): Chunk {
  let chunk = chunkCache.get(file);
  if (!chunk) {
    const bytes = readFileSync(path.join(DIST, file));
    const loads = [...new Set([...bytes.toString("utf8").matchAll(/"(static\/chunks\/[\w.-]+\.js)"/g)].map((match) => match[1]))];
    chunk = { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length, loads };
    chunkCache.set(file, chunk);
  }
  return chunk;
}

/** Chunks the given ones can fetch on demand, and those they can fetch in turn. */
function lazyChunksOf(loaded: string[]): string[] {
  const seen = new Set(loaded);
  const lazy: string[] = [];
  for (let at = 0, queue = [...loaded]; at < queue.length; at++) {
    for (const next of chunkOf(queue[at]).loads) {
      if (seen.has(next)) continue;
      seen.add(next);
      lazy.push(next);
      queue.push(next);
    }
  }
  return lazy;
}

const kb = (bytes: number) => bytes / 1024;
const fixed = (value: number) => value.toFixed(1);

if (!args["no-build"]) build();
if (!existsSync(path.join(DIST, "build-manifest.json"))) {
  throw new Error(`No build in ${args.dist}: run without --no-build first.`);
}

const rootMainFiles = readJson<{ rootMainFiles: string[] }>("build-manifest.json").rootMainFiles;
const pageEntries = Object.keys(readJson<Record<string, string>>("server/app-paths-manifest.json"))
  .filter((entry) => entry.endsWith("/page") && !entry.startsWith("/_global-error"))
  .sort((a, b) => routeOf(a).localeCompare(routeOf(b)));

const manifests = new Map<string, ClientManifest>();
const pages: PageWeight[] = pageEntries.map((entry) => {
  const manifest = clientManifest(entry);
  if (manifest) manifests.set(entry, manifest);
  const entries = Object.entries(manifest?.entryJSFiles ?? {}).filter(([segment]) => loadsUpFront(segment, entry));
  const chunks = [...new Set([...rootMainFiles, ...entries.flatMap(([, files]) => files)])];
  const lazyChunks = lazyChunksOf(chunks);
  return {
    route: routeOf(entry),
    chunks,
    lazyChunks,
    rawBytes: chunks.reduce((sum, chunk) => sum + chunkOf(chunk).raw, 0),
    gzipBytes: chunks.reduce((sum, chunk) => sum + chunkOf(chunk).gzip, 0),
    lazyGzipBytes: lazyChunks.reduce((sum, chunk) => sum + chunkOf(chunk).gzip, 0),
  };
});

const shared = rootMainFiles.reduce((sum, chunk) => sum + chunkOf(chunk).gzip, 0);
const total = (page: PageWeight) => page.gzipBytes + page.lazyGzipBytes;
const width = Math.max(...pages.map((page) => page.route.length), "route".length);
console.log(`\nJavaScript per page, gzipped KB (budget ${BUDGET_KB}; ${fixed(kb(shared))} of it is shared by every page)\n`);
console.log(`${"route".padEnd(width)}  chunks  raw load  gzip load  + on demand  = total`);
for (const page of pages) {
  const over = kb(total(page)) > BUDGET_KB ? "  OVER BUDGET" : "";
  const cells = [
    String(page.chunks.length).padStart(6),
    fixed(kb(page.rawBytes)).padStart(8),
    fixed(kb(page.gzipBytes)).padStart(9),
    (page.lazyChunks.length ? fixed(kb(page.lazyGzipBytes)) : "-").padStart(11),
    fixed(kb(total(page))).padStart(7),
  ];
  console.log(`${page.route.padEnd(width)}  ${cells.join("  ")}${over}`);
}

const heaviestBy = (weight: (page: PageWeight) => number) => pages.reduce((max, page) => (weight(page) > weight(max) ? page : max));
const heaviest = heaviestBy(total);
if (args.detail) {
  const entry = pageEntries[pages.indexOf(heaviest)];
  const modules = Object.entries(manifests.get(entry)?.clientModules ?? {});
  console.log(`\n${heaviest.route}: its own chunks, heaviest first, with the client modules whose own chunk it is`);
  const own = [...heaviest.chunks.filter((chunk) => !rootMainFiles.includes(chunk)), ...heaviest.lazyChunks];
  for (const chunk of own.sort((a, b) => chunkOf(b).gzip - chunkOf(a).gzip)) {
    const users = modules.filter(([, module]) => module.chunks.at(-1) === `/_next/${chunk}`).map(([name]) => name.replace("[project]/", ""));
    const lazy = heaviest.lazyChunks.includes(chunk) ? " (on demand)" : "";
    console.log(`  ${fixed(kb(chunkOf(chunk).gzip)).padStart(6)}  ${chunk}${lazy}  ${users.join(", ")}`);
  }
}
const heaviestLoad = heaviestBy((page) => page.gzipBytes);
console.log(`\nheaviest page load: ${heaviestLoad.route}, ${fixed(kb(heaviestLoad.gzipBytes))} KB`);
console.log(`heaviest with on-demand chunks: ${heaviest.route}, ${fixed(kb(total(heaviest)))} KB`);
console.log(`max_kb_gz: ${Math.round(kb(total(heaviest)))}`);
