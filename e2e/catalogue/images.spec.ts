import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "../support/sign-in";

test("the images page lists the seed images", async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Images" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Images" })).toBeVisible();
  const table = page.getByRole("table", { name: "Images" });
  for (const name of ["busybox", "ticker", "httpd"]) {
    // The row header is the name followed by the image's description.
    await expect(table.getByRole("rowheader", { name: new RegExp(`^${name}\\b`) })).toBeVisible();
  }
});

test("the flavors page lists the default flavors", async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Flavors" }).click();

  const table = page.getByRole("table", { name: "Flavors" });
  await expect(table.getByRole("rowheader", { name: "m1.tiny", exact: true })).toBeVisible();
});
