import { expect, test } from "@playwright/test";
import { adminPassword, signIn, signInAsAdmin } from "../support/sign-in";

test("admin signs in and sees the demo project's overview", async ({ page }) => {
  await signInAsAdmin(page);

  await expect(page.getByRole("heading", { level: 1, name: "demo" })).toBeVisible();
  const quotas = page.getByRole("region", { name: "Quota usage" });
  await expect(quotas.getByRole("meter", { name: "Instances" })).toBeVisible();
  await expect(quotas).toContainText(/Instances\s*\d+ \/ \d+/);
  for (const resource of ["vCPUs", "RAM", "Disk"]) {
    await expect(quotas.getByRole("meter", { name: resource })).toBeVisible();
  }
  await expect(page.getByRole("banner")).toContainText("admin");
  await expect(page.getByRole("banner").getByText("Admin", { exact: true })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, "admin", "not-the-password");

  // Next adds an empty route announcer with role="alert" outside the page.
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid username or password.");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel("Username")).toHaveValue("admin");
});

test("a signed-out visit to a project page goes to sign-in, and back after signing in", async ({ page }) => {
  await signInAsAdmin(page);
  const imagesUrl = page.url().replace(/\/overview$/, "/images");
  await page.context().clearCookies();

  await page.goto(imagesUrl);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprojects%2F[0-9a-f-]{36}%2Fimages$/);

  await signIn(page, "admin", adminPassword());
  await expect(page).toHaveURL(imagesUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Images" })).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await signInAsAdmin(page);
  const overviewUrl = page.url();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.goto(overviewUrl);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("a project the user cannot see is not found, not forbidden", async ({ page }) => {
  await signInAsAdmin(page);

  const response = await page.goto("/projects/00000000-0000-4000-8000-000000000000/overview");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
