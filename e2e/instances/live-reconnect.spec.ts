import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { deleteInstanceRows, insertInstanceRows } from "../support/instance-rows";
import { signIn } from "../support/sign-in";
import { createTenant, type Tenant } from "../support/tenants";
import { expectLive, rowOf } from "./instance-list";

const suffix = randomBytes(3).toString("hex");
const added = `added-meanwhile-${suffix}`;
let tenant: Tenant;
const rowIds: string[] = [];

test.beforeAll(async () => {
  tenant = await createTenant("reconnect");
});

test.afterAll(async () => {
  await deleteInstanceRows(rowIds);
});

test("live updates pause while the user is signed out elsewhere, and resume with what changed once they sign in again", async ({ page }) => {
  test.setTimeout(90_000);
  const list = `/projects/${tenant.projectId}/instances`;
  await page.goto(`/sign-in?next=${encodeURIComponent(list)}`);
  await signIn(page, tenant.username, tenant.password);
  await expectLive(page);

  // Signed out in another tab; the stream notices at its next access check, which a change to the project brings at once.
  const other = await page.context().newPage();
  await other.goto(`/projects/${tenant.projectId}/overview`);
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other).toHaveURL(/\/sign-in/);
  rowIds.push(...(await insertInstanceRows(tenant.projectId, [{ name: added, vmState: "stopped", vcpus: 1, ramMiB: 64, diskGiB: 1, launchedAt: null }])));
  const paused = page.getByRole("status").filter({ hasText: "Live updates paused: signed out — sign in again" });
  await expect(paused).toBeVisible({ timeout: 10_000 });
  await expect(paused.getByRole("link", { name: "sign in again" })).toHaveAttribute("href", `/sign-in?next=${encodeURIComponent(list)}`);
  await expect(rowOf(page, added)).toHaveCount(0);

  // Signed in again in that tab: this one reconnects without a reload and reads the list again.
  await signIn(other, tenant.username, tenant.password);
  await expect(other).toHaveURL(/\/overview$/);
  await page.bringToFront();
  await expect(page.getByRole("status").filter({ hasText: /^Live$/ })).toBeVisible({ timeout: 25_000 });
  await expect(rowOf(page, added)).toBeVisible();
});
