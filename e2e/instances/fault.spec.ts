import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { deleteThroughList, launchThroughWizard, openDemoInstances, rowOf, statusCell } from "./instance-list";

const name = `broken-${randomBytes(3).toString("hex")}`;
const names = [`${name}-1`, `${name}-2`];

test.afterEach(async ({ page }) => {
  await deleteThroughList(page, names);
});

test("an instance no host can take shows ERROR and its fault on the row", async ({ page }) => {
  test.setTimeout(90_000);
  await openDemoInstances(page);
  // Two m1.xlarge (8 vCPU each) fit the default quota (20 vCPU) but not one host of this size
  // (2 CPUs × allocation ratio 4 = 8 vCPU): at least one cannot be placed and ends in ERROR.
  // (Docker itself also refuses 8 CPUs on a 2-CPU host, so the other may fail too.)
  await launchThroughWizard(page, { name, image: "busybox", flavor: "m1.xlarge", count: 2 });
  const statuses = () => Promise.all(names.map(async (n) => (await statusCell(rowOf(page, n)).textContent())?.slice(0, 5)));
  await expect.poll(statuses, { timeout: 30_000 }).toContain("ERROR");
  const failed = names[(await statuses()).indexOf("ERROR")];

  // Either no host had room, or the host tried refused the flavor first; both end with the scheduler's answer.
  const fault = statusCell(rowOf(page, failed)).getByRole("paragraph");
  await expect(fault).toContainText("No valid host");
  await expect(fault).toHaveAttribute("title", /No valid host: 0 of 1 host can fit 8 vCPUs/);
  // Only what fits an ERROR instance is offered.
  await rowOf(page, failed).getByRole("button", { name: `Actions for ${failed}` }).click();
  const menu = page.getByRole("menu", { name: `Actions for ${failed}` });
  await expect(menu.getByRole("menuitem")).toHaveText(["Stop…", "Hard reboot…", "Lock", "Delete…"]);
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
});
