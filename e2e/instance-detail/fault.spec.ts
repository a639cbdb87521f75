import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { deleteLaunched, launchAndOpen } from "./detail";

test.afterEach(async ({ page }) => {
  await deleteLaunched(page);
});

test("an instance in ERROR shows its fault on its page", async ({ page }) => {
  test.setTimeout(120_000);
  // Docker refuses to start a container whose working directory is a file: the launch ends in ERROR with its reason.
  const choice = { name: `faulty-${randomBytes(3).toString("hex")}`, image: "busybox", flavor: "m1.nano", workingDir: "/bin/busybox" };
  await launchAndOpen(page, choice, "ERROR");
  const fault = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: /^Fault/ }) });
  await expect(fault.getByRole("heading")).toContainText("code 500");
  await expect(fault).toContainText("/bin/busybox is not a directory");
  await expect(fault.getByText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/)).toBeVisible();
  await expect(page.getByRole("toolbar", { name: "Instance actions" }).getByRole("button")).toHaveText(["Stop…", "Hard reboot…", "Lock", "Delete…"]);
});
