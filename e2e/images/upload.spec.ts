import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { logView, tab } from "../instance-detail/detail";
import { deleteThroughList, expectLive, rowOf, statusCell } from "../instances/instance-list";
import { signInAsAdmin } from "../support/sign-in";
import { deleteImagesNamed, imageCell, imageRow, openImages, removeTempFiles, seedArchive, textFile } from "./images";

const suffix = randomBytes(3).toString("hex");
const uploaded = `e2e-upload-${suffix}`;
const notAnImage = `e2e-not-an-image-${suffix}`;
const instance = `e2e-from-upload-${suffix}`;
let projectId = "";

test.afterAll(async ({ browser }) => {
  if (!projectId) return;
  const page = await browser.newPage();
  await signInAsAdmin(page);
  await page.goto(`/projects/${projectId}/instances`);
  await expectLive(page);
  await deleteThroughList(page, [instance]);
  await page.close();
  await deleteImagesNamed(projectId, [uploaded, notAnImage]);
  await removeTempFiles();
});

async function openDemoImages(page: Page): Promise<void> {
  await signInAsAdmin(page);
  projectId = new URL(page.url()).pathname.split("/")[2];
  await openImages(page, projectId);
}

/** Slows the browser's uploads, so a small archive takes long enough to watch its progress. */
async function throttleUploads(page: Page, bytesPerSecond: number): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
  return async () => {
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.detach();
  };
}

test("an archive uploads with its progress shown, turns active, and launches with the default command it was given", async ({ page }) => {
  test.setTimeout(150_000);
  const archive = await seedArchive("ticker");
  await openDemoImages(page);

  await page.getByRole("button", { name: "Upload image" }).click();
  const dialog = page.getByRole("dialog", { name: "Upload an image" });
  await dialog.getByLabel("Archive").setInputFiles(archive);
  // The name comes from the file until one is typed.
  await expect(dialog.getByLabel("Name")).toHaveValue("ticker");
  await dialog.getByLabel("Name").fill(uploaded);
  await dialog.getByLabel("Kind").selectOption("application");
  await dialog.getByLabel("Minimum RAM (MiB)").fill("32");
  await dialog.getByLabel("Default command (optional)").fill('sh -c "echo started from the upload; sleep 600"');

  const unthrottle = await throttleUploads(page, 512 * 1024);
  await dialog.getByRole("button", { name: "Upload", exact: true }).click();
  const progress = dialog.getByRole("progressbar", { name: "Upload progress" });
  await expect(progress).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel upload" })).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuetext", /^[\d.]+ (B|KiB|MiB) of [\d.]+ MiB sent$/);
  await expect.poll(async () => Number(await progress.getAttribute("aria-valuenow")), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await unthrottle();

  await expect(page.getByRole("status").filter({ hasText: `Uploaded ${uploaded}` })).toHaveText(new RegExp(`^Uploaded ${uploaded} \\([\\d.]+ MiB\\): active\\.$`));
  const row = imageRow(page, uploaded);
  await expect(imageCell(row, "status")).toHaveText("active");
  await expect(imageCell(row, "visibility")).toHaveText("private");
  await expect(imageCell(row, "minRam")).toHaveText("32 MiB");
  await expect(imageCell(row, "kind")).toHaveText("application");

  // Launch from it: the wizard opens on the image; the instance runs the image's default command.
  await row.getByRole("link", { name: `Launch an instance from ${uploaded}` }).click();
  const wizard = page.getByRole("dialog", { name: "Launch instances" });
  await wizard.getByLabel("Instance name").fill(instance);
  await wizard.getByRole("button", { name: "Next" }).click();
  await expect(wizard.getByRole("radio", { name: uploaded, exact: true })).toBeChecked();
  await wizard.getByRole("button", { name: "Next" }).click();
  await wizard.getByRole("radio", { name: "m1.nano", exact: true }).check();
  await wizard.getByRole("button", { name: "Next" }).click();
  await wizard.getByRole("button", { name: "Next" }).click();
  await wizard.getByRole("button", { name: "Launch 1 instance" }).click();
  await expect(statusCell(rowOf(page, instance))).toHaveText(/^ACTIVE/, { timeout: 60_000 });
  await rowOf(page, instance).getByRole("link", { name: instance, exact: true }).click();
  await tab(page, "Log").click();
  await expect(logView(page)).toContainText("started from the upload", { timeout: 15_000 });

  // An image in use cannot be deleted, and the refusal says by what.
  await openImages(page, projectId);
  await row.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: `Delete image ${uploaded}?` }).getByRole("button", { name: "Delete image" }).click();
  await expect(row.getByRole("alert")).toHaveText(`Image ${uploaded} is in use by ${instance}: delete or rebuild them first.`);
});

test("a file that is not a docker save archive is refused, saying so beside the file, and listed as killed with the reason", async ({ page }) => {
  const file = await textFile();
  await openDemoImages(page);

  await page.getByRole("button", { name: "Upload image" }).click();
  const dialog = page.getByRole("dialog", { name: "Upload an image" });
  await dialog.getByLabel("Archive").setInputFiles(file);
  await dialog.getByLabel("Name").fill(notAnImage);
  await dialog.getByRole("button", { name: "Upload", exact: true }).click();

  const reason = "This file is not a tar archive. Upload the output of `docker save` (a .tar file).";
  await expect(dialog.getByLabel("Archive")).toHaveAccessibleDescription(reason);
  // Said once, beside the field it is about.
  await expect(dialog.getByText(reason)).toHaveCount(1);
  await expect(dialog.getByRole("button", { name: "Upload", exact: true })).toBeEnabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  const row = imageRow(page, notAnImage);
  await expect(imageCell(row, "status")).toHaveText(`killed${reason}`);
  await expect(row.getByRole("link", { name: /^Launch/ })).toHaveCount(0);

  await row.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: `Delete image ${notAnImage}?` }).getByRole("button", { name: "Delete image" }).click();
  await expect(row).toHaveCount(0);
});
