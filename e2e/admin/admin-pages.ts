import { expect, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { expectLive } from "../instances/instance-list";
import { signIn, signInAsAdmin } from "../support/sign-in";
import { databaseUrl, type Tenant } from "../support/tenants";

/** Helpers for the admin console specs. */

/** Every admin page, with the ids its detail pages need. */
export async function adminPaths(): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const host = (await client.query<{ id: string }>(`SELECT id FROM hosts ORDER BY name LIMIT 1`)).rows[0];
    const project = (await client.query<{ id: string }>(`SELECT id FROM projects WHERE name = 'demo'`)).rows[0];
    return [
      "/admin",
      "/admin/hosts",
      "/admin/hosts/new",
      `/admin/hosts/${host.id}`,
      "/admin/instances",
      "/admin/flavors",
      "/admin/images",
      "/admin/quotas",
      `/admin/quotas/${project.id}`,
      "/admin/usage",
      "/admin/projects",
      `/admin/projects/${project.id}`,
      "/admin/users",
      "/admin/audit",
    ];
  } finally {
    await client.end();
  }
}

export function adminNav(page: Page) {
  return page.getByRole("navigation", { name: "Admin" });
}

/** Opens an admin page through the side navigation, as an admin would. */
export async function openAdminPage(page: Page, label: string, heading = label): Promise<void> {
  await adminNav(page).getByRole("link", { name: label, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

export function rowNamed(page: Page, table: string, name: string) {
  return page.getByRole("table", { name: table }).getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

/** A second browser session signed in as a tenant, on their project's instance list, live. */
export async function tenantInstances(browser: Browser, tenant: Tenant): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await signIn(page, tenant.username, tenant.password);
  await expect(page).toHaveURL(new RegExp(`/projects/${tenant.projectId}/overview$`));
  await page.goto(`/projects/${tenant.projectId}/instances`);
  await expectLive(page);
  return { page, close: () => context.close() };
}

/** The admin's all-instances row of an instance, found by its exact name, once the filtered list has drawn. */
export async function adminInstanceRow(page: Page, name: string) {
  await page.goto(`/admin/instances?name=${encodeURIComponent(name)}`);
  await expect(page.getByRole("table", { name: "All instances" }).or(page.getByText("No instance matches these filters"))).toBeVisible();
  return rowNamed(page, "All instances", name);
}

/** Waits until the admin list shows an instance (launches are accepted at once and listed as they are written). */
export async function expectListed(page: Page, name: string): Promise<void> {
  await expect(async () => {
    await expect(await adminInstanceRow(page, name)).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

/** Deletes instances through the admin list, confirming, and waits until they are gone. */
export async function deleteAsAdmin(page: Page, names: string[]): Promise<void> {
  await ensureAdmin(page);
  for (const name of names) {
    const row = await adminInstanceRow(page, name);
    if (!(await row.count())) continue;
    await row.getByRole("button", { name: `Actions for ${name}` }).click();
    await page.getByRole("menu", { name: `Actions for ${name}` }).getByRole("menuitem", { name: "Delete…" }).click();
    await page.getByRole("dialog", { name: `Delete ${name}?` }).getByRole("button", { name: "Delete", exact: true }).click();
    await expect(async () => {
      await page.reload();
      await expect(rowNamed(page, "All instances", name)).toHaveCount(0, { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
  }
}

/** Signs the page in as admin unless it is already: clean-up must work whatever point a test failed at. */
export async function ensureAdmin(page: Page): Promise<void> {
  const response = await page.goto("/admin/hosts");
  if (page.url().includes("/sign-in") || response?.status() === 404) {
    await page.context().clearCookies();
    await signInAsAdmin(page);
    await page.goto("/admin/hosts");
  }
  await expect(page.getByRole("heading", { level: 1, name: "Hosts" })).toBeVisible();
}
