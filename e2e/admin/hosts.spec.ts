import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "../support/sign-in";

test("admin sees the local host up", async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Hosts" }).click();

  await expect(page).toHaveURL(/\/admin\/hosts$/);
  const local = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^local/ }) });
  await expect(local).toHaveCount(1);
  await expect(local.getByRole("cell").nth(0)).toHaveText("up");

  await page.getByRole("button", { name: "Check now" }).click();
  await expect(page.getByRole("status")).toHaveText(/^\d+ of \d+ up$/);
  await expect(local.getByRole("cell").last()).toHaveText(/ s ago$/);
});

test("a signed-out visit to the admin area goes to sign-in", async ({ page }) => {
  await page.goto("/admin/hosts");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fhosts$/);
});
