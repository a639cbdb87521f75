import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { launchThroughWizard } from "../instances/instance-list";
import { signInAsAdmin } from "../support/sign-in";
import { createTenant } from "../support/tenants";
import { adminInstanceRow, deleteAsAdmin, ensureAdmin, expectListed, openAdminPage, tenantInstances } from "./admin-pages";

const suffix = randomBytes(3).toString("hex");
const name = `avoid-${suffix}`;
const reason = `e2e maintenance ${suffix}`;

async function openLocalHost(page: Page) {
  await page.goto("/admin/hosts");
  await page.getByRole("table", { name: "Hosts" }).getByRole("link", { name: "local", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "local" })).toBeVisible();
}

test.afterEach(async ({ page }) => {
  await ensureAdmin(page);
  await openLocalHost(page);
  const enable = page.getByRole("button", { name: "Enable host" });
  if (await enable.count()) {
    await enable.click();
    await expect(page.getByRole("button", { name: "Disable host" })).toBeVisible();
  }
  await deleteAsAdmin(page, [name]);
});

test("admin disables a host with a reason: new launches avoid it, and with no other host fail naming the reason", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const tenant = await createTenant("scheduling");
  await signInAsAdmin(page);
  await openAdminPage(page, "Hosts");
  await openLocalHost(page);

  const availability = page.getByRole("form", { name: "Availability" });
  // A reason is required: the scheduler and the other admins are told why.
  await availability.getByRole("button", { name: "Disable host" }).click();
  await expect(availability.getByLabel("Reason for disabling")).toHaveAccessibleDescription("is required");
  await availability.getByLabel("Reason for disabling").fill(reason);
  await availability.getByRole("button", { name: "Disable host" }).click();
  await expect(availability).toContainText(`Disabled: ${reason}.`);
  await page.goto("/admin/hosts");
  const local = page.getByRole("table", { name: "Hosts" }).getByRole("row").filter({ has: page.getByRole("link", { name: "local", exact: true }) });
  await expect(local.getByRole("cell").nth(1)).toHaveText(`disabled${reason}`);

  const member = await tenantInstances(browser, tenant);
  await launchThroughWizard(member.page, { name });
  await member.close();
  await expectListed(page, name);

  // Placed elsewhere, or (the one host being disabled) refused by the scheduler with the reason.
  await expect(async () => {
    const row = await adminInstanceRow(page, name);
    const status = (await row.getByRole("cell").nth(2).textContent()) ?? "";
    const host = (await row.getByRole("cell").nth(1).textContent()) ?? "";
    if (status.startsWith("ERROR")) expect(status).toContain(`local: disabled (${reason})`);
    else expect(host).not.toMatch(/^local/);
    expect(status).not.toMatch(/^BUILD/);
  }).toPass({ timeout: 30_000 });
});
