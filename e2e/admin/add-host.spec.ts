import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "../support/sign-in";
import { ensureAdmin } from "./admin-pages";

const twin = `twin-${randomBytes(3).toString("hex")}`;

test.afterEach(async ({ page }) => {
  await ensureAdmin(page);
  const link = page.getByRole("table", { name: "Hosts" }).getByRole("link", { name: twin, exact: true });
  if (!(await link.count())) return;
  await link.click();
  await page.getByRole("button", { name: "Remove host" }).click();
  await page.getByRole("dialog", { name: `Remove ${twin}?` }).getByRole("button", { name: "Remove" }).click();
  await expect(page).toHaveURL(/\/admin\/hosts$/);
});

test("adding a host tests the connection first: a dead endpoint is refused with the reason, a live one is added and can be removed", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/hosts");
  // The engine host `local` uses answers; a second host on it is enough to exercise the form.
  const local = page.getByRole("table", { name: "Hosts" }).getByRole("row").filter({ has: page.getByRole("link", { name: "local", exact: true }) });
  const endpoint = (await local.locator(".font-mono").first().textContent())!;
  expect(endpoint).toMatch(/^unix:\/\//);
  await page.getByRole("link", { name: "Add host" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add host" })).toBeVisible();
  const form = page.getByRole("main");

  await page.getByLabel("Name").fill(twin);
  await page.getByRole("radio", { name: "TCP", exact: true }).check();
  await page.getByLabel("Host and port").fill("127.0.0.1:1");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(form.getByRole("alert")).toContainText("Probing tcp://127.0.0.1:1: cannot reach the Docker engine");
  await page.getByRole("button", { name: "Add host" }).click();
  await expect(form.getByRole("alert")).toContainText("cannot reach the Docker engine");
  await expect(page).toHaveURL(/\/admin\/hosts\/new$/);

  await page.getByRole("radio", { name: "TCP + TLS" }).check();
  await page.getByLabel("Host and port").fill("127.0.0.1:2376");
  await page.getByLabel("CA certificate").fill("-----BEGIN CERTIFICATE-----");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByLabel("Client key")).toHaveAccessibleDescription("required for TLS");

  await page.getByRole("radio", { name: "Unix socket" }).check();
  await page.getByLabel("Socket path").fill(endpoint.slice("unix://".length));
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(form.getByRole("status")).toContainText(/^Connected: Docker \S+ \(API [\d.]+\)/);
  await page.getByLabel("Availability zone").fill("e2e-zone");
  await page.getByRole("button", { name: "Add host" }).click();
  await expect(page.getByRole("heading", { level: 1, name: twin })).toBeVisible();
  await expect(page.getByText("zone e2e-zone")).toBeVisible();

  // An empty host can be removed; the list no longer has it.
  await page.getByRole("button", { name: "Remove host" }).click();
  await page.getByRole("dialog", { name: `Remove ${twin}?` }).getByRole("button", { name: "Remove" }).click();
  await expect(page).toHaveURL(/\/admin\/hosts$/);
  await expect(page.getByRole("table", { name: "Hosts" }).getByRole("link", { name: twin, exact: true })).toHaveCount(0);
});
