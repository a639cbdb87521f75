import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { deleteInstanceRows, insertInstanceRows } from "../support/instance-rows";
import { signIn } from "../support/sign-in";
import { createTenant, type Tenant } from "../support/tenants";
import { expectLive, instanceTable, rowOf } from "./instance-list";

const prefix = `page-${randomBytes(2).toString("hex")}`;
let tenant: Tenant;
let rowIds: string[] = [];

// 60 rows (one page is 50) in a project of its own, plus one deleted row that must never show.
test.beforeAll(async () => {
  tenant = await createTenant("listing");
  rowIds = await insertInstanceRows(tenant.projectId, [
    ...Array.from({ length: 60 }, (_, i) => ({
      name: `${prefix}-${String(i).padStart(2, "0")}`,
      vmState: "stopped" as const,
      vcpus: 1,
      ramMiB: 64,
      diskGiB: 1,
      launchedAt: null,
    })),
    { name: `${prefix}-gone`, vmState: "deleted", vcpus: 1, ramMiB: 64, diskGiB: 1, launchedAt: null },
  ]);
});

test.afterAll(async () => {
  await deleteInstanceRows(rowIds);
});

test("pages with Load more, filters by name and status, sorts by name, and keeps the choice in the address", async ({ page }) => {
  await page.goto(`/sign-in?next=${encodeURIComponent(`/projects/${tenant.projectId}/instances`)}`);
  await signIn(page, tenant.username, tenant.password);
  await expectLive(page);
  const rows = instanceTable(page).getByRole("rowheader");
  await expect(rows).toHaveCount(50);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(rows).toHaveCount(60);
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
  await expect(rowOf(page, `${prefix}-gone`)).toHaveCount(0);

  await page.getByLabel("Sort", { exact: true }).selectOption({ label: "Name A–Z" });
  await expect(rows.first()).toHaveText(`${prefix}-00`);
  await page.getByLabel("Name", { exact: true }).fill("-4");
  await expect(rows).toHaveCount(10);
  await expect(rows.first()).toHaveText(`${prefix}-40`);
  await expect(page).toHaveURL(/sort=name/);
  await expect(page).toHaveURL(/name=-4/);

  await page.getByLabel("Status", { exact: true }).selectOption("ACTIVE");
  await expect(page.getByText("No instances match these filters")).toBeVisible();
  await page.getByLabel("Status", { exact: true }).selectOption("SHUTOFF");
  await expect(rows).toHaveCount(10);

  // The address restores the same view.
  await page.reload();
  await expect(rows).toHaveCount(10);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("-4");
  await expect(page.getByLabel("Sort", { exact: true })).toHaveValue("name:asc");
});
