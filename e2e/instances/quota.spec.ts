import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { deleteThroughList, fillWizard, openDemoInstances, rowOf } from "./instance-list";

const name = `quota-${randomBytes(3).toString("hex")}`;

test.afterEach(async ({ page }) => {
  await deleteThroughList(page, [1, 2, 3].map((i) => `${name}-${i}`));
});

test("a flavor over the quota left is disabled with the reason, and a forged launch gets the same refusal", async ({ page }) => {
  const projectId = await openDemoInstances(page);
  // Three m1.xlarge (8 vCPU each) need 24 vCPUs: more than the default quota of 20, whatever is in use.
  const wizard = await fillWizard(page, { name, count: 3, flavor: "m1.nano" });
  await wizard.getByRole("button", { name: "Flavor" }).click();
  const xlarge = wizard.getByRole("radio", { name: "m1.xlarge", exact: true });
  await expect(xlarge).toBeDisabled();
  const reason = await wizard.locator(`#${await xlarge.getAttribute("aria-describedby")}`).textContent();
  expect(reason).toMatch(/^Quota exceeded for cores: requested 24, used \d+ of 20$/);
  await expect(xlarge).toHaveAccessibleDescription(reason!);
  const xlargeId = await xlarge.getAttribute("value");

  // Bypass the UI: the launch request leaves with m1.nano and reaches the server asking for m1.xlarge.
  let forged = false;
  await page.route(`**/projects/${projectId}/instances**`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    const [project, input] = JSON.parse(request.postData()!);
    forged = true;
    await route.continue({ postData: JSON.stringify([project, { ...input, flavorId: xlargeId }]) });
  });
  await wizard.getByRole("button", { name: "Review" }).click();
  await wizard.getByRole("button", { name: "Launch 3 instances" }).click();

  // The server refuses with the very sentence the wizard showed; the wizard comes back to fix it.
  await expect(wizard.getByRole("alert").filter({ hasText: "The server refused this launch" })).toHaveText(`The server refused this launch: ${reason}`);
  expect(forged).toBe(true);
  for (const i of [1, 2, 3]) await expect(rowOf(page, `${name}-${i}`)).toHaveCount(0);
});
