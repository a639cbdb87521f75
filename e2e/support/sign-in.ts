import { expect, type Page } from "@playwright/test";

/** The admin password the test runner gave the server it started. */
export function adminPassword(): string {
  const password = process.env.BERTH_ADMIN_PASSWORD;
  if (!password) throw new Error("BERTH_ADMIN_PASSWORD is not set: run the end-to-end tests through `npm test`.");
  return password;
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in as admin from the sign-in page and waits for the first project's overview. */
export async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto("/sign-in");
  await signIn(page, "admin", adminPassword());
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}\/overview$/);
}
