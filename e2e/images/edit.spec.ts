import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../support/sign-in";
import { createTenant, type Tenant } from "../support/tenants";
import { deleteImagesNamed, imageCell, imageRow, openImages, removeTempFiles, seedArchive } from "./images";

let tenant: Tenant;
const names = { first: "web-base", second: "web-extra", renamed: "web-server" };

test.beforeAll(async () => {
  tenant = await createTenant("images");
});

test.afterAll(async () => {
  await deleteImagesNamed(tenant.projectId, Object.values(names));
  await removeTempFiles();
});

/** Uploads through the route, as the dialog does (that path has its own spec). */
async function uploadAs(page: Page, name: string, archive: Buffer): Promise<void> {
  const response = await page.request.post(`/api/projects/${tenant.projectId}/images?${new URLSearchParams({ name, kind: "application" })}`, {
    data: archive,
    headers: { "content-type": "application/x-tar" },
  });
  expect(response.status(), await response.text()).toBe(201);
}

test("a member edits their own image's metadata, cannot make it public, and deletes it once unprotected", async ({ page }) => {
  const archivePath = await seedArchive("httpd");
  const archive = await readFile(archivePath);
  await page.goto("/sign-in");
  await signIn(page, tenant.username, tenant.password);
  await expect(page).toHaveURL(new RegExp(`/projects/${tenant.projectId}/overview$`));
  await uploadAs(page, names.first, archive);
  await uploadAs(page, names.second, archive);
  await openImages(page, tenant.projectId);

  // Seed images are public and the cloud's: no Edit for a project member.
  await expect(page.getByRole("table", { name: "Images" }).getByRole("button", { name: /^Edit busybox/ })).toHaveCount(0);

  // A name the project already uses is refused beside the field, by the upload dialog as by the edit.
  await page.getByRole("button", { name: "Upload image" }).click();
  const upload = page.getByRole("dialog", { name: "Upload an image" });
  await upload.getByLabel("Archive").setInputFiles(archivePath);
  await upload.getByLabel("Name").fill(names.first);
  await upload.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(upload.getByLabel("Name")).toHaveAccessibleDescription("already in use");
  await upload.getByRole("button", { name: "Cancel" }).click();

  const row = imageRow(page, names.second);
  await row.getByRole("button", { name: `Edit ${names.second}` }).click();
  const dialog = page.getByRole("dialog", { name: `Edit image ${names.second}` });
  await expect(dialog.getByLabel("Visibility").locator("option")).toHaveText(["shared", "private"]);
  await expect(dialog.getByLabel("Default command")).toHaveAttribute("placeholder", "httpd -f -p 80 -h /www");
  await dialog.getByLabel("Name").fill(names.first);
  await dialog.getByLabel("Minimum RAM (MiB)").fill("-1");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByLabel("Minimum RAM (MiB)")).toHaveAccessibleDescription("must not be negative");
  await dialog.getByLabel("Minimum RAM (MiB)").fill("64");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByLabel("Name")).toHaveAccessibleDescription("already in use");

  await dialog.getByLabel("Name").fill(names.renamed);
  await dialog.getByLabel("Kind").selectOption("machine");
  await dialog.getByLabel("Visibility").selectOption("shared");
  await dialog.getByLabel("Minimum disk (GiB)").fill("2");
  await dialog.getByLabel("Default command").fill('httpd -f -p 8080 -h "/www"');
  await dialog.getByLabel("Protected").check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  const renamed = imageRow(page, names.renamed);
  await expect(imageCell(renamed, "visibility")).toHaveText("sharedprotected");
  await expect(imageCell(renamed, "minRam")).toHaveText("64 MiB");
  await expect(imageCell(renamed, "minDisk")).toHaveText("2 GiB");
  await expect(imageCell(renamed, "kind")).toHaveText("machine");
  await renamed.getByRole("button", { name: `Edit ${names.renamed}` }).click();
  const again = page.getByRole("dialog", { name: `Edit image ${names.renamed}` });
  await expect(again.getByLabel("Default command")).toHaveValue("httpd -f -p 8080 -h /www");
  await again.getByRole("button", { name: "Cancel" }).click();

  // Protected: deleting is refused with the reason, until the protection is lifted.
  await renamed.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: `Delete image ${names.renamed}?` }).getByRole("button", { name: "Delete image" }).click();
  await expect(renamed.getByRole("alert")).toHaveText(`Image ${names.renamed} is protected: unprotect it before deleting.`);

  await renamed.getByRole("button", { name: `Edit ${names.renamed}` }).click();
  await again.getByLabel("Protected").uncheck();
  await again.getByRole("button", { name: "Save" }).click();
  await expect(again).toBeHidden();
  await expect(imageCell(renamed, "visibility")).toHaveText("shared");
  await renamed.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: `Delete image ${names.renamed}?` }).getByRole("button", { name: "Delete image" }).click();
  await expect(renamed).toHaveCount(0);
});
