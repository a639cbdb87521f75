import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { launchThroughWizard } from "../instances/instance-list";
import { signInAsAdmin } from "../support/sign-in";
import { createTenant } from "../support/tenants";
import { adminInstanceRow, deleteAsAdmin, expectListed, openAdminPage, rowNamed, tenantInstances } from "./admin-pages";

const name = `admin-acts-${randomBytes(3).toString("hex")}`;

test.afterEach(async ({ page }) => {
  await deleteAsAdmin(page, [name]);
});

async function chooseAction(page: Page, action: string) {
  const row = rowNamed(page, "All instances", name);
  await row.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menu", { name: `Actions for ${name}` }).getByRole("menuitem", { name: action, exact: true }).click();
}

test("the admin sees every project's instances with project and host, filters them, locks and resets one", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // Tenant names sort after "demo": the admin's first project stays demo for the other specs.
  const tenant = await createTenant("ops");
  const member = await tenantInstances(browser, tenant);
  await launchThroughWizard(member.page, { name });
  await member.close();

  await signInAsAdmin(page);
  await expectListed(page, name);
  await openAdminPage(page, "Instances", "All instances");
  const filters = page.getByRole("form", { name: "Filter instances" });
  await filters.getByLabel("Project").selectOption({ label: tenant.projectName });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`projectId=${tenant.projectId}`));
  const rows = page.getByRole("table", { name: "All instances" }).getByRole("row");
  await expect(rows).toHaveCount(2);
  const row = rowNamed(page, "All instances", name);
  await expect(row.getByRole("cell").nth(0)).toHaveText(tenant.projectName);
  await expect(row.getByRole("cell").nth(1)).toHaveText(/^local/);
  await expect(async () => {
    await page.reload();
    await expect(row.getByRole("cell").nth(2)).toHaveText("ACTIVE", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  await filters.getByLabel("Status").selectOption("ERROR");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No instance matches these filters")).toBeVisible();
  await page.getByRole("link", { name: "Clear" }).click();

  await adminInstanceRow(page, name);
  await chooseAction(page, "Lock");
  await expect(row.getByText("locked", { exact: true })).toBeVisible();
  await chooseAction(page, "Unlock");
  await expect(row.getByText("locked", { exact: true })).toHaveCount(0);

  // Reset state asks which state, then records it without touching Docker.
  await chooseAction(page, "Reset state…");
  const dialog = page.getByRole("dialog", { name: `Reset the state of ${name}` });
  await dialog.getByLabel("New state").selectOption("error");
  await dialog.getByRole("button", { name: "Reset state" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("cell").nth(2)).toHaveText(/^ERROR/);
  await chooseAction(page, "Reset state…");
  await dialog.getByLabel("New state").selectOption("active");
  await dialog.getByRole("button", { name: "Reset state" }).click();
  await expect(row.getByRole("cell").nth(2)).toHaveText("ACTIVE");

  // Delete asks first; cancelling keeps the instance.
  await chooseAction(page, "Delete…");
  await page.getByRole("dialog", { name: `Delete ${name}?` }).getByRole("button", { name: "Cancel" }).click();
  await expect(row).toHaveCount(1);
});
