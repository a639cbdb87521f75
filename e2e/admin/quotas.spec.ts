import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { fillWizard, launchThroughWizard } from "../instances/instance-list";
import { signInAsAdmin } from "../support/sign-in";
import { createTenant } from "../support/tenants";
import { adminInstanceRow, deleteAsAdmin, expectListed, tenantInstances } from "./admin-pages";

const name = `quota1-${randomBytes(3).toString("hex")}`;

test.afterEach(async ({ page }) => {
  await deleteAsAdmin(page, [`${name}-a`, `${name}-b`]);
});

test("admin sets a project's instance quota to 1: the member's second launch is refused with the quota message", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const tenant = await createTenant("quota-one");
  const member = await tenantInstances(browser, tenant);
  await launchThroughWizard(member.page, { name: `${name}-a` });
  await signInAsAdmin(page);
  await expectListed(page, `${name}-a`);
  // The member has the second launch ready to send while the admin changes the quota.
  const wizard = await fillWizard(member.page, { name: `${name}-b` });

  await page.goto(`/admin/quotas/${tenant.projectId}`);
  const form = page.getByRole("form", { name: "Project quotas" });
  const instances = form.getByLabel("Instances", { exact: true });
  await expect(instances).toHaveAccessibleDescription("In use: 1 / 10 · -1 for unlimited");
  // Below what the project uses: refused, with the usage named on the field.
  await instances.fill("0");
  await form.getByRole("button", { name: "Save quotas" }).click();
  await expect(instances).toHaveAccessibleDescription("below current usage: the project uses 1");
  await expect(form.getByRole("alert").first()).toHaveText(`Cannot lower the quota of ${tenant.projectName}: instances below current usage: the project uses 1.`);
  await instances.fill("1");
  await form.getByRole("button", { name: "Save quotas" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  await expect(instances).toHaveAccessibleDescription("In use: 1 / 1 · -1 for unlimited");

  await wizard.getByRole("button", { name: "Launch 1 instance" }).click();
  const refusal = "Quota exceeded for instances: requested 1, used 1 of 1";
  await expect(wizard.getByRole("alert").filter({ hasText: "The server refused this launch" })).toHaveText(`The server refused this launch: ${refusal}`);
  await expect(await adminInstanceRow(page, `${name}-b`)).toHaveCount(0);

  // Opened again, the wizard says the same before anything is sent.
  await member.page.keyboard.press("Escape");
  await member.page.reload();
  await member.page.getByRole("button", { name: "Launch instance" }).first().click();
  const again = member.page.getByRole("dialog", { name: "Launch instances" });
  await again.getByLabel("Instance name").fill(`${name}-b`);
  await again.getByRole("button", { name: "Next" }).click();
  await again.getByRole("radio", { name: "busybox", exact: true }).check();
  await again.getByRole("button", { name: "Next" }).click();
  const nano = again.getByRole("radio", { name: "m1.nano", exact: true });
  await expect(nano).toBeDisabled();
  await expect(nano).toHaveAccessibleDescription(refusal);
  await member.close();
});
