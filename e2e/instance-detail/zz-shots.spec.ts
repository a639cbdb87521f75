import { expect, test } from "@playwright/test";
import { deleteFromPage, launchAndOpen, logView, tab } from "./detail";

test("screenshots", async ({ page }) => {
  test.setTimeout(240_000);
  const opened = await launchAndOpen(page, {
    name: `shots-${Date.now() % 100000}`,
    image: "busybox",
    flavor: "m1.nano",
    command: `sh -c 'i=0; while true; do i=$((i+1)); echo "tick $i <b>markup</b>"; printf "\\033[32mGET\\033[0m /index.html \\033[1;31m500\\033[0m\\n"; echo oops >&2; sleep 0.5; done'`,
  });
  for (const [w, h] of [[1280, 800], [390, 844]]) {
    await page.setViewportSize({ width: w, height: h });
    await tab(page, "Overview").click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/b-${w}-overview.png`, fullPage: true });
    await tab(page, "Log").click();
    await expect(logView(page).locator("[data-log-line]").first()).toBeVisible();
    await page.getByLabel("Timestamps").check();
    await page.getByRole("searchbox", { name: "Search the loaded lines" }).fill("index");
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/b-${w}-log.png` });
    await page.getByLabel("Timestamps").uncheck();
    await tab(page, "Console").click();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/b-${w}-console.png` });
    await tab(page, "Actions").click();
    await page.locator("summary").first().click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/b-${w}-actions.png`, fullPage: true });
    await tab(page, "Stats").click();
    await page.waitForTimeout(5000);
    await page.screenshot({ path: `/tmp/b-${w}-stats.png`, fullPage: true });
  }
  await deleteFromPage(page, opened);
});
