import { expect, test } from "@playwright/test";
import { idByName } from "../support/instance-rows";
import { signIn, signInAsAdmin } from "../support/sign-in";
import { createTenant } from "../support/tenants";

test("each active image offers Launch, opening the wizard on that image", async ({ page }) => {
  const [demoId, busyboxId] = await Promise.all([idByName("projects", "demo"), idByName("images", "busybox")]);
  await signInAsAdmin(page);
  await page.goto(`/projects/${demoId}/images`);

  const table = page.getByRole("table", { name: "Images" });
  const busybox = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^busybox/ }) });
  await expect(busybox).toContainText("machine");
  const launch = busybox.getByRole("link", { name: "Launch an instance from busybox" });
  await expect(launch).toHaveAttribute("href", `/projects/${demoId}/instances?launch=1&imageId=${busyboxId}`);
  for (const name of ["ticker", "httpd"]) {
    await expect(table.getByRole("link", { name: `Launch an instance from ${name}` })).toBeVisible();
  }

  await launch.click();
  await expect(page).toHaveURL(new RegExp(`/projects/${demoId}/instances\\?launch=1&imageId=${busyboxId}$`));
});

test("a reader sees the images but no Launch", async ({ page }) => {
  const reader = await createTenant("reader", "reader");
  await page.goto("/sign-in");
  await signIn(page, reader.username, reader.password);
  await expect(page).toHaveURL(new RegExp(`/projects/${reader.projectId}/overview$`));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Images" }).click();

  const table = page.getByRole("table", { name: "Images" });
  await expect(table.getByRole("rowheader", { name: /^busybox/ })).toBeVisible();
  await expect(table.getByRole("link", { name: /^Launch/ })).toHaveCount(0);
});
