import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { deleteLaunched, launchAndOpen, logView, tab } from "./detail";

const suffix = randomBytes(3).toString("hex");
test.afterEach(async ({ page }) => {
  await deleteLaunched(page);
});

const lines = (page: Page) => logView(page).locator("[data-log-line]");
const lastTick = async (page: Page) => Number((await lines(page).last().textContent())?.match(/tick (\d+)$/)?.[1] ?? NaN);

test("the log shows the latest lines, follows new ones, pauses, searches and downloads; actions and stats show", async ({ page }) => {
  test.setTimeout(120_000);
  await launchAndOpen(page, { name: `ticker-${suffix}`, image: "ticker", flavor: "m1.nano" });
  await tab(page, "Log").click();
  await expect(lines(page).first()).toHaveText(/^tick \d+$/);
  const seen = await lastTick(page);
  // The ticker prints every 100 ms: followed lines keep arriving at the bottom.
  await expect.poll(() => lastTick(page), { timeout: 10_000 }).toBeGreaterThan(seen + 5);
  await expect(page.getByText("Following live")).toBeVisible();

  // Paused, the view stays put while new lines gather below it; resuming jumps to them.
  const scroller = logView(page);
  const belowView = () => scroller.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight);
  await page.getByRole("button", { name: "Pause live" }).click();
  await expect(page.getByRole("button", { name: /^Resume live \(\d+ new\)$/ })).toBeVisible();
  await expect.poll(belowView).toBeGreaterThan(60);
  await page.getByRole("button", { name: /^Resume live/ }).click();
  await expect(page.getByRole("button", { name: "Pause live" })).toBeVisible();
  await expect.poll(belowView).toBeLessThan(20);

  await page.getByLabel("Timestamps").check();
  await expect(lines(page).first().locator("time")).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);

  // Searching goes to a match and marks it, whatever its case; the arrows walk through the matches.
  await page.getByRole("searchbox", { name: "Search the loaded lines" }).fill("TICK 1");
  const counter = page.getByText(/^\d+ of \d+$/);
  await expect(counter).toBeVisible();
  await expect(logView(page).locator("mark").first()).toHaveText("tick 1");
  // Timestamps are on: the row's text is its time (to the millisecond), then the line.
  await expect(lines(page).filter({ hasText: /\.\d{3}tick 10$/ }).locator("mark")).toHaveText("tick 1");
  const [at, of] = (await counter.textContent())!.split(" of ").map(Number);
  await page.getByRole("button", { name: "Next match" }).click();
  await expect(counter).toHaveText(`${(at % of) + 1} of ${of}`);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^ticker-${suffix}-[0-9-]+\\.log$`));
  const text = await readFile(await download.path(), "utf8");
  expect(text).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z tick 1\n\S+ tick 2\n/);

  // The same instance's other tabs: its action log and its live stats.
  await tab(page, "Actions").click();
  const create = page.getByRole("list", { name: "Action log" }).getByRole("listitem").filter({ hasText: /^▸\s*create/ });
  await expect(create).toContainText("success");
  await create.locator("summary").click();
  for (const step of ["schedule", "image", "create", "start"]) await expect(create.getByText(step, { exact: true })).toBeVisible();

  await tab(page, "Stats").click();
  await expect(page.getByRole("region", { name: "Processes" }).getByText(/^\d+$/)).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole("region", { name: "Memory" }).getByText(/^[\d.]+ (B|KiB|MiB)$/)).toBeVisible();
  await expect(page.getByRole("region", { name: "CPU" }).getByText(/^[\d.]+ %$/)).toBeVisible();
});

test("scrolling up loads older lines until the start, with none missing or repeated", async ({ page }) => {
  test.setTimeout(120_000);
  await launchAndOpen(page, { name: `counted-${suffix}`, image: "busybox", flavor: "m1.nano", command: 'sh -c "seq 1 3500; sleep 600"' });
  await tab(page, "Log").click();
  const status = page.getByText(/^[\d,]+ lines loaded$/);
  await expect(status).toHaveText("1,000 lines loaded");
  await expect(lines(page).last()).toHaveText("3500");
  const scroller = logView(page);
  for (const loaded of ["2,000", "3,000", "3,500"]) {
    await scroller.evaluate((element) => (element.scrollTop = 0));
    await expect(status).toHaveText(`${loaded} lines loaded`);
  }
  await expect(page.getByText("Start of the log.")).toBeVisible();
  await scroller.evaluate((element) => (element.scrollTop = 0));
  await expect(lines(page).first()).toHaveText("1");
  // Every number once, in order: the pages joined up exactly.
  const shown = await scroller.evaluate((element) => element.scrollHeight / 20);
  expect(shown).toBe(3500);
});

test("a line of markup is shown as text, never run, and colours become styled text", async ({ page }) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await launchAndOpen(page, {
    name: `markup-${suffix}`,
    image: "busybox",
    flavor: "m1.nano",
    command: `sh -c "echo '<script>alert(1)</script>'; echo '<img src=x onerror=alert(2)>'; printf '\\033[1;31mred alert\\033[0m plain\\n'; sleep 600"`,
  });
  await tab(page, "Log").click();
  await expect(logView(page).getByText("<script>alert(1)</script>", { exact: true })).toBeVisible();
  await expect(logView(page).getByText("<img src=x onerror=alert(2)>", { exact: true })).toBeVisible();
  await expect(logView(page).locator("script, img")).toHaveCount(0);
  const red = logView(page).getByText("red alert", { exact: true });
  await expect(red).toHaveClass(/text-red-400/);
  await expect(red).toHaveClass(/font-bold/);
  // A fresh load renders the lines on the server: still text.
  await page.reload();
  await expect(logView(page).getByText("<script>alert(1)</script>", { exact: true })).toBeVisible();
  expect(dialogs).toEqual([]);
});
