import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { adminPassword, signIn } from "../support/sign-in";
import { deleteLaunched, launchAndOpen, tab } from "./detail";

test.afterEach(async ({ page }) => {
  await deleteLaunched(page);
});

test("the console runs a command, and closes saying why when the user signs out or the instance stops", async ({ page }) => {
  test.setTimeout(120_000);
  const opened = await launchAndOpen(page, { name: `shell-${randomBytes(3).toString("hex")}`, image: "ticker", flavor: "m1.nano" });
  await tab(page, "Console").click();
  await expect(page.getByRole("status").filter({ hasText: /^Connected/ })).toBeVisible();
  const terminal = page.getByLabel("Terminal", { exact: true });
  await terminal.click();
  await page.keyboard.type("echo hello\n");
  // The echoed command line holds "hello" too: the output is the row that is exactly "hello".
  await expect(terminal.locator(".xterm-rows > div").filter({ hasText: /^hello\s*$/ })).toHaveCount(1, { timeout: 15_000 });

  // Signing out elsewhere ends the shell within seconds, saying why.
  const other = await page.context().newPage();
  await other.goto(opened.url);
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("status").filter({ hasText: "Disconnected: Your session ended. Sign in again to reconnect." })).toBeVisible();
  await signIn(other, "admin", adminPassword());
  await expect(other).toHaveURL(/\/projects\//);
  await other.close();

  await page.getByRole("button", { name: "Reconnect" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Connected/ })).toBeVisible();
  const bar = page.getByRole("toolbar", { name: "Instance actions" });
  await bar.getByRole("button", { name: "Stop…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Stop", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Disconnected: The instance stopped." })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Reconnect" })).toBeVisible();
});
