import { expect, test } from "@playwright/test";
import { deleteInstanceRows, insertInstanceRows } from "../support/instance-rows";
import { signIn } from "../support/sign-in";
import { createTenant, type Tenant } from "../support/tenants";

// A project of its own with one (hostless) instance, so every page has something to lay out.
const INSTANCE = "width-check";
let tenant: Tenant;
let rowIds: string[] = [];

test.beforeAll(async () => {
  tenant = await createTenant("widths");
  rowIds = await insertInstanceRows(tenant.projectId, [{ name: INSTANCE, vmState: "stopped", vcpus: 1, ramMiB: 64, diskGiB: 1, launchedAt: null }]);
});

test.afterAll(async () => {
  await deleteInstanceRows(rowIds);
});

test("every project page fits a phone's width and a laptop's: the page itself never scrolls sideways", async ({ page }) => {
  const project = `/projects/${tenant.projectId}`;
  const instance = `${project}/instances/${rowIds[0]}`;
  const pages: [path: string, heading: string][] = [
    [`${project}/overview`, tenant.projectName],
    [`${project}/instances`, "Instances"],
    [instance, INSTANCE],
    [`${instance}/log`, INSTANCE],
    [`${instance}/console`, INSTANCE],
    [`${instance}/actions`, INSTANCE],
    [`${instance}/stats`, INSTANCE],
    [`${project}/images`, "Images"],
    [`${project}/flavors`, "Flavors"],
  ];
  await page.goto(`/sign-in?next=${encodeURIComponent(`${project}/overview`)}`);
  await signIn(page, tenant.username, tenant.password);
  await expect(page).toHaveURL(/\/overview$/);

  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const [path, heading] of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
      expect(scrollWidth, `${path} at ${width} px`).toBeLessThanOrEqual(innerWidth);
    }
  }
});
