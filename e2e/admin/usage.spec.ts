import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "../support/sign-in";
import { openAdminPage } from "./admin-pages";

test("the usage report covers every project for the chosen period, and downloads as CSV", async ({ page }) => {
  await signInAsAdmin(page);
  await openAdminPage(page, "Usage");
  await page.getByRole("navigation", { name: "Usage period" }).getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(/\/admin\/usage\?period=7d$/);
  await expect(page.getByRole("region", { name: "By project" })).toBeVisible();
  await expect(page.getByRole("region", { name: "By flavor" })).toBeVisible();

  const csvLink = page.getByRole("link", { name: "Download CSV" });
  await expect(csvLink).toHaveAttribute("href", "/api/admin/usage.csv?period=7d");
  const csv = await page.request.get("/api/admin/usage.csv?from=2026-01-01&to=2026-01-31");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toBe('attachment; filename="usage-all-projects-2026-01-01-2026-01-31.csv"');
  expect((await csv.text()).split("\n")[0]).toBe("instance_id,name,project_id,flavor,vcpus,ram_mib,hours,vcpu_hours,ram_gib_hours,state");

  // A period that ends before it starts is refused, on the page and by the download.
  await page.goto("/admin/usage?from=2026-02-01&to=2026-01-01");
  await expect(page.getByRole("alert").filter({ hasText: "The period starts" })).toHaveText("The period starts (2026-02-01) after it ends (2026-01-01).");
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveCount(0);
  expect((await page.request.get("/api/admin/usage.csv?from=2026-02-01&to=2026-01-01")).status()).toBe(400);
});
