import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin } from "../support/sign-in";
import { ensureAdmin, openAdminPage, rowNamed } from "./admin-pages";

async function setMinRam(page: Page, image: string, mib: string) {
  await rowNamed(page, "All images", image).getByRole("button", { name: `Edit ${image}` }).click();
  const dialog = page.getByRole("dialog", { name: `Edit image ${image}` });
  await dialog.getByLabel("Minimum RAM (MiB)").fill(mib);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
}

test.afterEach(async ({ page }) => {
  await ensureAdmin(page);
  await page.goto("/admin/images");
  await setMinRam(page, "httpd", "0");
});

test("the admin sees every image, edits its minimums, and a protected image's deletion is refused with the reason", async ({ page }) => {
  await signInAsAdmin(page);
  await openAdminPage(page, "Images", "All images");
  const httpd = rowNamed(page, "All images", "httpd");
  await expect(httpd.getByRole("cell").nth(2)).toHaveText("publicprotected");

  // Refused in the dialog, which stays open with the field marked.
  await rowNamed(page, "All images", "httpd").getByRole("button", { name: "Edit httpd" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit image httpd" });
  await dialog.getByLabel("Minimum RAM (MiB)").fill("-1");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByLabel("Minimum RAM (MiB)")).toHaveAccessibleDescription("must not be negative");
  await dialog.getByLabel("Minimum RAM (MiB)").fill("96");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(httpd.getByRole("cell").nth(3)).toHaveText("96 MiB");

  await httpd.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: "Delete image httpd?" }).getByRole("button", { name: "Delete image" }).click();
  await expect(httpd.getByRole("alert")).toHaveText("Image httpd is protected: unprotect it before deleting.");
  await expect(httpd).toHaveCount(1);
});
