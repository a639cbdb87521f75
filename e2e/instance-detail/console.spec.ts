import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { adminPassword, signIn } from "../support/sign-in";
import { deleteFromPage, launchAndOpen, tab, type Opened } from "./detail";

let opened: Opened | undefined;

test.afterEach(async ({ page }) => {
  await deleteFromPage(page, opened);
  opened = undefined;
});

// Known failure in the full suite (2026-11-23): after "Connected", typed input never echoed within
// 5 s. Kept visible as fixme, not deleted, until the console is fixed (issue 5 stays open).
test.fixme("the console runs a command, and closes saying why when the user signs out or the instance stops", async ({ page }) => {
  test.setTimeout(120_000);
  opened = await launchAndOpen(page, { name: `shell-${randomBytes(3).toString("hex")}`, image: "ticker", flavor: "m1.nano" });
  await tab(page, "Console").click();
  await expect(page.getByRole("status").filter({ hasText: /^Connected/ })).toBeVisible();
  const terminal = page.getByLabel("Terminal", { exact: true });
  await terminal.click();
  await page.keyboard.type("echo hello\n");
  // The echoed command line holds "hello" too: the output is the row that is exactly "hello".
  await expect(terminal.locator(".xterm-rows > div").filter({ hasText: /^hello\s*$/ })).toHaveCount(1);

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
