import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signInAsAdmin } from "../support/sign-in";
import { createTenant, type Tenant } from "../support/tenants";
import { ensureAdmin, openAdminPage, rowNamed } from "./admin-pages";

const flavor = `e2e.private-${randomBytes(3).toString("hex")}`;

test.afterEach(async ({ page }) => {
  await ensureAdmin(page);
  await page.goto("/admin/flavors");
  await expect(page.getByRole("table", { name: "All flavors" })).toBeVisible();
  const row = rowNamed(page, "All flavors", flavor);
  if (await row.count()) {
    await row.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog", { name: `Delete flavor ${flavor}?` }).getByRole("button", { name: "Delete flavor" }).click();
    await expect(row).toHaveCount(0);
  }
});

/** Whether a tenant sees the flavor on their Flavors page and in the launch wizard's flavor step. */
async function expectSeenBy(page: Page, tenant: Tenant, seen: boolean): Promise<void> {
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await signIn(page, tenant.username, tenant.password);
  await expect(page.getByRole("heading", { level: 1, name: tenant.projectName })).toBeVisible();

  await page.goto(`/projects/${tenant.projectId}/flavors`);
  const table = page.getByRole("table", { name: "Flavors" });
  await expect(table.getByRole("rowheader", { name: "m1.nano", exact: true })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: flavor, exact: true })).toHaveCount(seen ? 1 : 0);

  await page.goto(`/projects/${tenant.projectId}/instances`);
  await page.getByRole("button", { name: "Launch instance" }).first().click();
  const wizard = page.getByRole("dialog", { name: "Launch instances" });
  await wizard.getByLabel("Instance name").fill("never-launched");
  await wizard.getByRole("button", { name: "Next" }).click();
  await wizard.getByRole("radio", { name: "busybox", exact: true }).check();
  await wizard.getByRole("button", { name: "Next" }).click();
  await expect(wizard.getByRole("radio", { name: "m1.nano", exact: true })).toBeVisible();
  await expect(wizard.getByRole("radio", { name: flavor, exact: true })).toHaveCount(seen ? 1 : 0);
  await page.keyboard.press("Escape");
}

test("a private flavor made for one project is seen by that project only, on its Flavors page and in the wizard", async ({ page }) => {
  test.setTimeout(90_000);
  const [mine, other] = await Promise.all([createTenant("flavor-mine"), createTenant("flavor-other")]);
  await signInAsAdmin(page);
  await openAdminPage(page, "Flavors");
  const form = page.getByRole("form", { name: "Create flavor" });

  // Bad values are refused field by field before anything is sent.
  await form.getByLabel("Name").fill(flavor);
  await form.getByLabel("vCPUs").fill("0");
  await form.getByLabel("RAM (MiB)").fill("-5");
  await form.getByRole("radio", { name: "Private: chosen projects" }).check();
  await form.getByRole("button", { name: "Create flavor" }).click();
  await expect(form.getByLabel("vCPUs")).toHaveAccessibleDescription("must be at least 1");
  await expect(form.getByLabel("RAM (MiB)")).toHaveAccessibleDescription("must be at least 16 MiB");
  await expect(form.getByRole("group", { name: "Projects that may use it" })).toHaveAccessibleDescription("a private flavor needs at least one project");

  await form.getByLabel("vCPUs").fill("1");
  await form.getByLabel("RAM (MiB)").fill("64");
  await form.getByRole("checkbox", { name: mine.projectName, exact: true }).check();
  await form.getByRole("button", { name: "Add extra spec" }).click();
  await form.getByLabel("pids_limit value").fill("128");
  await form.getByRole("button", { name: "Create flavor" }).click();
  await expect(form.getByRole("status")).toHaveText(`Flavor ${flavor} created.`);
  const row = rowNamed(page, "All flavors", flavor);
  await expect(row.getByRole("cell").nth(4)).toHaveText(`private${mine.projectName}`);
  await expect(row.getByRole("cell").nth(5)).toHaveText("pids_limit=128");

  // A second flavor of the same name is refused by the server, naming it.
  await form.getByLabel("Name").fill(flavor);
  await form.getByRole("button", { name: "Create flavor" }).click();
  await expect(form.getByLabel("Name")).toHaveAccessibleDescription("already in use");
  await expect(form.getByRole("alert").first()).toHaveText(`A flavor named ${flavor} already exists.`);

  await expectSeenBy(page, mine, true);
  await expectSeenBy(page, other, false);
});
