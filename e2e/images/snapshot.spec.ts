import { randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { deleteLaunched, gotoSteadily, launchAndOpen } from "../instance-detail/detail";
import { expectLive, rowOf } from "../instances/instance-list";
import { idByName } from "../support/instance-rows";
import { signInAsAdmin } from "../support/sign-in";
import { deleteImagesNamed, imageCell, imageRow, openImages, sql } from "./images";

const suffix = randomBytes(3).toString("hex");
const source = `e2e-snap-source-${suffix}`;
const snapshot = `e2e-snapshot-${suffix}`;
const saving = `e2e-saving-${suffix}`;
let projectId = "";

test.afterEach(async ({ page }) => {
  await deleteLaunched(page);
  if (projectId) await deleteImagesNamed(projectId, [snapshot]);
});

test("an instance's snapshot, taken from its actions, is listed as saving and turns active", async ({ page }) => {
  test.setTimeout(150_000);
  const opened = await launchAndOpen(page, { name: source, image: "busybox", flavor: "m1.nano" });
  projectId = opened.projectId;

  // The list's row menu offers it too.
  await gotoSteadily(page, `/projects/${projectId}/instances`);
  await expectLive(page);
  await rowOf(page, source).getByRole("button", { name: `Actions for ${source}` }).click();
  const menu = page.getByRole("menu", { name: `Actions for ${source}` });
  await expect(menu.getByRole("menuitem", { name: "Create snapshot…" })).toBeVisible();
  await page.keyboard.press("Escape");
  await gotoSteadily(page, opened.url);

  await page.getByRole("toolbar", { name: "Instance actions" }).getByRole("button", { name: "Create snapshot…" }).click();
  const dialog = page.getByRole("dialog", { name: `Create a snapshot of ${source}` });
  await expect(dialog.getByLabel("Snapshot name")).toHaveValue(`${source}-snapshot`);
  await dialog.getByLabel("Snapshot name").fill("");
  await dialog.getByRole("button", { name: "Create snapshot" }).click();
  await expect(dialog.getByLabel("Snapshot name")).toHaveAccessibleDescription("is required");
  await dialog.getByLabel("Snapshot name").fill(snapshot);
  await dialog.getByRole("button", { name: "Create snapshot" }).click();
  await expect(dialog.getByRole("status")).toHaveText(`Snapshot ${snapshot} requested: it is saving, and turns active in Images once it is stored.`);
  await dialog.getByRole("link", { name: "Open Images" }).click();

  // Saving while the job commits and stores the container, then active; the page follows by itself.
  const status = imageCell(imageRow(page, snapshot), "status");
  await expect(status).toHaveText(/^(saving|active)/);
  await expect(status).toHaveText("active", { timeout: 60_000 });
  await expect(imageCell(imageRow(page, snapshot), "visibility")).toHaveText("private");
  await expect(imageRow(page, snapshot).getByRole("link", { name: `Launch an instance from ${snapshot}` })).toBeVisible();

  await gotoSteadily(page, `${opened.url}/actions`);
  await expect(page.getByRole("list", { name: "Action log" }).getByRole("listitem").filter({ hasText: /^▸\s*snapshot/ })).toContainText("success");
});

test("the Images page shows a saving image and turns it active without a reload", async ({ page }) => {
  projectId = await idByName("projects", "demo");
  const id = randomUUID();
  await sql(
    `INSERT INTO images (id, name, status, visibility, "ownerProjectId", properties, "updatedAt") VALUES ($1, $2, 'saving', 'private', $3, '{"kind":"machine"}', now())`,
    [id, saving, projectId],
  );
  try {
    await signInAsAdmin(page);
    await openImages(page, projectId);
    const status = imageCell(imageRow(page, saving), "status");
    await expect(status).toHaveText("savingbeing stored…");
    await sql(`UPDATE images SET status = 'active', "sizeBytes" = 1048576 WHERE id = $1`, [id]);
    await expect(status).toHaveText("active", { timeout: 10_000 });
  } finally {
    await sql(`UPDATE images SET status = 'deleted' WHERE id = $1`, [id]);
  }
});
