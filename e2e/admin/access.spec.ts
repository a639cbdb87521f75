import { expect, test } from "@playwright/test";
import { signIn, signInAsAdmin } from "../support/sign-in";
import { createTenant } from "../support/tenants";
import { adminNav, adminPaths, rowNamed } from "./admin-pages";

test("a member gets 404 on every admin page and sees no admin links", async ({ page }) => {
  const [member, paths] = await Promise.all([createTenant("no-admin"), adminPaths()]);
  await page.goto("/sign-in");
  await signIn(page, member.username, member.password);
  await expect(page).toHaveURL(new RegExp(`/projects/${member.projectId}/overview$`));
  await expect(adminNav(page)).toHaveCount(0);

  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" }), path).toBeVisible();
  }
  const csv = await page.request.get("/api/admin/usage.csv");
  expect(csv.status()).toBe(404);
  expect(await csv.text()).not.toContain("instance_id");
});

test("an admin action posted by a member is refused and changes nothing", async ({ page, browser }) => {
  const member = await createTenant("forger");
  const flavor = `forged-${member.username}`;

  // The admin fills the create-flavor form; the request is caught on its way and kept, not sent.
  await signInAsAdmin(page);
  await page.goto("/admin/flavors");
  let captured: { url: string; headers: Record<string, string>; body: string } | null = null;
  await page.route("**/admin/flavors", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    captured = { url: request.url(), headers: request.headers(), body: request.postData() ?? "" };
    await route.abort();
  });
  await page.getByRole("form", { name: "Create flavor" }).getByLabel("Name").fill(flavor);
  await page.getByRole("button", { name: "Create flavor" }).click();
  await expect.poll(() => captured).not.toBeNull();
  await page.unroute("**/admin/flavors");
  const { cookie: _adminSession, ...headers } = captured!.headers;
  const send = (from: typeof page) => from.request.post(captured!.url, { headers, data: captured!.body });

  // The member sends it with their own session: not found, and no flavor.
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await memberPage.goto("/sign-in");
  await signIn(memberPage, member.username, member.password);
  await expect(memberPage).toHaveURL(/\/overview$/);
  expect(await (await send(memberPage)).text()).toContain("NOT_FOUND");
  await memberContext.close();
  await page.reload();
  await expect(rowNamed(page, "All flavors", "m1.nano")).toHaveCount(1);
  await expect(rowNamed(page, "All flavors", flavor)).toHaveCount(0);

  // The very same request from the admin works, so the member's was refused for who sent it.
  expect(await (await send(page)).text()).toContain(flavor);
  await page.reload();
  const row = rowNamed(page, "All flavors", flavor);
  await row.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete flavor" }).click();
  await expect(row).toHaveCount(0);
});
