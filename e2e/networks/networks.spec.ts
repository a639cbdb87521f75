import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { gotoSteadily } from "../instance-detail/detail";
import { deleteThroughList, expectLive, fillWizard, openDemoInstances, rowOf, statusCell } from "../instances/instance-list";
import { signInAsAdmin } from "../support/sign-in";
import { databaseUrl } from "../support/tenants";

const suffix = randomBytes(3).toString("hex");
const network = `backend-${suffix}`;
const group = `together-${suffix}`;
const instance = `web-${suffix}`;
/** The range the test gives the host for published ports; put back to the defaults afterwards. */
const PORTS = { min: 30500, max: 30599 };
const ADDRESS = /10\.\d{1,3}\.\d{1,3}\.\d{1,3}/;

let projectId: string | null = null;

/**
 * Whatever the test got to: the instance goes through the list (which also unpublishes its ports
 * and frees its addresses), then the network and server group straight from the database, and the
 * host's range for published ports goes back to the defaults.
 */
test.afterEach(async ({ page }) => {
  if (!projectId) return;
  await gotoSteadily(page, `/projects/${projectId}/instances`);
  await expectLive(page);
  await deleteThroughList(page, [instance]);
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const params = [projectId, network];
    await client.query(`DELETE FROM instance_networks WHERE "networkId" IN (SELECT id FROM networks WHERE "projectId" = $1 AND name = $2)`, params);
    await client.query(`DELETE FROM networks WHERE "projectId" = $1 AND name = $2`, params);
    await client.query(`DELETE FROM server_groups WHERE "projectId" = $1 AND name = $2`, [projectId, group]);
    await client.query(`UPDATE hosts SET "publicAddress" = NULL, "portRangeMin" = 30000, "portRangeMax" = 30999 WHERE "portRangeMin" = $1`, [PORTS.min]);
  } finally {
    await client.end();
  }
  projectId = null;
});

const networksTable = (page: Page) => page.getByRole("table", { name: "Networks" });
const networkRow = (page: Page, name: string) =>
  networksTable(page).getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}\\b`) }) });

async function openNetworks(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Networks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Networks" })).toBeVisible();
}

test("a network of its own: launch on it, see the address, publish a port that answers, then clean it all away", async ({ page }) => {
  test.setTimeout(180_000);
  projectId = await openDemoInstances(page);
  await openNetworks(page);
  await expect(page.getByRole("note")).toContainText("Private networks are per host today: instances on different hosts are not connected.");

  // The default network cannot go, and says so.
  const defaultRow = networkRow(page, "default");
  await expect(defaultRow.getByRole("button", { name: "Delete" })).toBeDisabled();
  await expect(defaultRow).toContainText("The default network cannot be deleted.");

  // Create the network: a bad subnet is refused beside its field, an empty one is automatic.
  await page.getByRole("button", { name: "Create network" }).click();
  const create = page.getByRole("dialog", { name: "Create network" });
  await create.getByLabel("Name").fill(network);
  await create.getByLabel("Subnet (optional)").fill("10.20.0.1/24");
  await create.getByRole("button", { name: "Create network" }).click();
  await expect(create.getByRole("alert")).toHaveText(/host bits zero/);
  await create.getByLabel("Subnet (optional)").fill("");
  await create.getByRole("button", { name: "Create network" }).click();
  await expect(create).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `Network ${network} created.` })).toBeVisible();
  await expect(networkRow(page, network)).toContainText("automatic (a /24 per host)");

  // And a server group to launch into.
  await page.getByRole("button", { name: "Create server group" }).click();
  const createGroup = page.getByRole("dialog", { name: "Create server group" });
  await createGroup.getByLabel("Name").fill(group);
  await createGroup.getByRole("button", { name: "Create server group" }).click();
  await expect(createGroup).toBeHidden();
  await expect(page.getByRole("table", { name: "Server groups" }).getByRole("row").filter({ hasText: group })).toContainText("affinity (one host)");

  // Launch httpd on that network alone, in the group.
  await gotoSteadily(page, `/projects/${projectId}/instances`);
  await expectLive(page);
  const wizard = await fillWizard(page, { name: instance, image: "httpd", flavor: "m1.nano", networks: [network], serverGroup: `${group}: affinity (one host)` });
  await expect(wizard.getByRole("definition").filter({ hasText: `${network} (primary)` })).toBeVisible();
  await wizard.getByRole("button", { name: "Launch 1 instance" }).click();
  await expect(wizard).toBeHidden();
  const row = rowOf(page, instance);
  await expect(statusCell(row)).toHaveText("ACTIVE", { timeout: 60_000 });
  await expect(row.getByRole("cell").filter({ hasText: new RegExp(`^${ADDRESS.source}$`) })).toHaveCount(1);

  // Its page names the network beside the address.
  await row.getByRole("link", { name: instance, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: instance })).toBeVisible();
  const instanceUrl = page.url();
  const addresses = page.getByRole("definition").filter({ hasText: `on ${network}` });
  await expect(addresses).toHaveText(new RegExp(`^${ADDRESS.source} on ${network}$`));

  // The admin gives the instance's host a range for published ports; a reversed one is refused beside its field.
  const hostName = (await page.getByRole("term").filter({ hasText: /^Host$/ }).locator("xpath=following-sibling::dd[1]").textContent())!;
  await gotoSteadily(page, "/admin/hosts");
  await page.getByRole("link", { name: hostName, exact: true }).click();
  const settings = page.getByRole("form", { name: "Host settings" });
  await settings.getByLabel("Public address").fill("127.0.0.1");
  await settings.getByLabel("First port").fill(String(PORTS.min));
  await settings.getByLabel("Last port").fill(String(PORTS.min - 1));
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("alert")).toHaveText("must not be below the range's first port");
  await settings.getByLabel("Last port").fill(String(PORTS.max));
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("status")).toContainText("Saved.");

  // Publish port 80: the URL shown, in that range, answers with the page httpd serves.
  await gotoSteadily(page, instanceUrl);
  const ports = page.getByRole("region", { name: "Published ports" });
  await expect(ports).toContainText("No port is published");
  await ports.getByLabel("Container port").fill("80");
  await ports.getByRole("button", { name: "Publish port" }).click();
  await expect(ports.getByRole("status")).toContainText(new RegExp(`Port 80 published at http://127\\.0\\.0\\.1:${PORTS.min}\\.`));
  const link = ports.getByRole("link", { name: /^http:\/\// });
  await expect(link).toBeVisible();
  const url = (await link.getAttribute("href"))!;
  await expect
    .poll(async () => {
      const response = await page.request.get(url, { timeout: 5000 }).catch(() => null);
      return response && `${response.status()} ${await response.text()}`;
    }, { timeout: 20_000 })
    .toMatch(/^200 [^]*Hello from Berth/);

  // While the instance is on it, the network's deletion is refused, with the server's reason.
  await openNetworks(page);
  const inUse = networkRow(page, network);
  await expect(inUse).toContainText("1 host");
  await inUse.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: `Delete network ${network}?` }).getByRole("button", { name: "Delete network" }).click();
  await expect(inUse.getByRole("alert")).toHaveText(`Network ${network} is in use by ${instance}: delete those instances first.`);
  await expect(page.getByRole("table", { name: "Server groups" }).getByRole("link", { name: instance })).toBeVisible();

  // Unpublish: the port stops answering.
  await gotoSteadily(page, instanceUrl);
  await expect(page.getByRole("heading", { level: 1, name: instance })).toBeVisible();
  await ports.getByRole("button", { name: "Unpublish" }).click();
  await page.getByRole("dialog", { name: `Unpublish port 80 of ${instance}?` }).getByRole("button", { name: "Unpublish" }).click();
  await expect(ports).toContainText("No port is published");
  await expect.poll(() => page.request.get(url, { timeout: 3000 }).then((response) => response.status(), () => "refused"), { timeout: 20_000 }).toBe("refused");

  // Delete the instance, then the network it was on.
  await gotoSteadily(page, `/projects/${projectId}/instances`);
  await expectLive(page);
  await deleteThroughList(page, [instance]);
  await openNetworks(page);
  const unused = networkRow(page, network);
  await expect(unused).toContainText("on no host yet");
  await unused.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: `Delete network ${network}?` }).getByRole("button", { name: "Delete network" }).click();
  await expect(unused).toHaveCount(0);
});

test("the networks page fits a phone's width and a laptop's", async ({ page }) => {
  await signInAsAdmin(page);
  const project = new URL(page.url()).pathname.split("/")[2];
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`/projects/${project}/networks`);
    await expect(page.getByRole("heading", { level: 1, name: "Networks" })).toBeVisible();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth, `networks page at ${width} px`).toBeLessThanOrEqual(innerWidth);
  }
});
