import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { CELL, deleteThroughList, launchThroughWizard, openDemoInstances, rowAction, rowOf, statusCell } from "./instance-list";

const name = `life-${randomBytes(3).toString("hex")}`;

test.afterEach(async ({ page }) => {
  await deleteThroughList(page, [name]);
});

test("launch through the wizard, then stop, start and delete, all updating live", async ({ page }) => {
  test.setTimeout(120_000);
  await openDemoInstances(page);
  // Marks this document: if the page reloaded, the mark would be gone.
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  // Records every status the new row shows, to see it pass through BUILD.
  await page.evaluate(({ watched, statusCell }) => {
    const seen: string[] = [];
    Object.assign(window, { statusesSeen: seen });
    const record = () => {
      for (const row of document.querySelectorAll("tbody tr")) {
        if (row.querySelector("th")?.textContent !== watched) continue;
        const status = row.querySelectorAll("td")[statusCell]?.querySelector("span")?.textContent ?? "";
        if (status && seen.at(-1) !== status) seen.push(status);
      }
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, { watched: name, statusCell: CELL.status });

  await launchThroughWizard(page, { name, image: "busybox", flavor: "m1.nano" });
  const row = rowOf(page, name);
  await expect(row).toBeVisible();
  await expect(statusCell(row)).toHaveText("ACTIVE", { timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { statusesSeen: string[] }).statusesSeen)).toEqual(["BUILD", "ACTIVE"]);
  await expect(row.getByRole("cell").nth(CELL.power)).toHaveText("running");

  await rowAction(page, name, "Stop");
  await expect(page.getByRole("status").filter({ hasText: `Stop requested for ${name}.` })).toBeVisible();
  await expect(statusCell(row)).toHaveText("SHUTOFF", { timeout: 30_000 });

  await rowAction(page, name, "Start");
  await expect(statusCell(row)).toHaveText("ACTIVE", { timeout: 30_000 });

  await rowAction(page, name, "Delete");
  await expect(row).toHaveCount(0, { timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test("a change made elsewhere reaches an open list within a second", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const projectId = await openDemoInstances(page);
  await launchThroughWizard(page, { name, image: "busybox", flavor: "m1.nano" });
  await expect(statusCell(rowOf(page, name))).toHaveText("ACTIVE", { timeout: 30_000 });

  // A second browser, signed in on its own, locks the instance.
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await openDemoInstances(elsewhere);
  await rowAction(elsewhere, name, "Lock");
  const lockedAt = Date.now();
  await expect(rowOf(page, name).getByText("Locked", { exact: true })).toBeAttached({ timeout: 1000 });
  expect(Date.now() - lockedAt).toBeLessThan(1000);
  await rowAction(elsewhere, name, "Unlock");
  await expect(rowOf(page, name).getByText("Locked", { exact: true })).toHaveCount(0, { timeout: 1000 });
  await other.close();

  // The stream itself answers at once: its first bytes arrive well within a second.
  const firstByteMs = await page.evaluate(async (id) => {
    const started = performance.now();
    const controller = new AbortController();
    const response = await fetch(`/api/projects/${id}/instances/stream`, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    const elapsed = performance.now() - started;
    controller.abort();
    return elapsed;
  }, projectId);
  expect(firstByteMs).toBeLessThan(1000);
});
