import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { deleteInstanceRows, idByName, insertInstanceRows } from "../support/instance-rows";
import { signIn } from "../support/sign-in";
import { createTenant, type Tenant } from "../support/tenants";
import { expectLive, instanceTable, rowAction, rowOf } from "./instance-list";

const suffix = randomBytes(3).toString("hex");
const theirs = `demo-only-${suffix}`;
const mine = `tenant-own-${suffix}`;
let tenant: Tenant;
let demoId: string;
let theirId: string;
let rowIds: string[] = [];

// Rows without a host or container: what matters here is who may see and touch them.
test.beforeAll(async () => {
  tenant = await createTenant("tenancy");
  demoId = await idByName("projects", "demo");
  [theirId] = await insertInstanceRows(demoId, [{ name: theirs, vmState: "stopped", vcpus: 1, ramMiB: 64, diskGiB: 1, launchedAt: null }]);
  const [ownId] = await insertInstanceRows(tenant.projectId, [{ name: mine, vmState: "stopped", vcpus: 1, ramMiB: 64, diskGiB: 1, launchedAt: null }]);
  rowIds = [theirId, ownId];
});

test.afterAll(async () => {
  await deleteInstanceRows(rowIds);
});

test("a member of another project cannot see, follow or act on the project's instances", async ({ page }) => {
  await page.goto(`/sign-in?next=${encodeURIComponent(`/projects/${tenant.projectId}/instances`)}`);
  await signIn(page, tenant.username, tenant.password);
  await expectLive(page);
  await expect(rowOf(page, mine)).toBeVisible();
  await expect(instanceTable(page).getByRole("rowheader", { name: theirs })).toHaveCount(0);

  // Their list, their list API and their live stream: all answer "not found".
  expect((await page.goto(`/projects/${demoId}/instances`))?.status()).toBe(404);
  await page.goBack();
  const api = await page.request.get(`/api/projects/${demoId}/instances`);
  expect(api.status()).toBe(404);
  const stream = await page.request.get(`/api/projects/${demoId}/instances/stream`);
  expect(stream.status()).toBe(404);
  expect(await stream.json()).toEqual({ error: { code: "NOT_FOUND", message: "Project not found." } });

  // An action on their instance's id, sent through this project's own action: not found.
  await expectLive(page);
  await page.route(`**/projects/${tenant.projectId}/instances**`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    const [project] = JSON.parse(request.postData()!);
    await route.continue({ postData: JSON.stringify([project, { instanceIds: [theirId] }]) });
  });
  await rowAction(page, mine, "Lock");
  // The answer names the instance it was asked about, which this page has never seen.
  await expect(page.getByRole("alert").filter({ hasText: "Could not lock" })).toContainText(`Could not lock instance ${theirId}: Instance not found.`);
  await page.unroute(`**/projects/${tenant.projectId}/instances**`);

  // The same action naming their project: the project itself is not found.
  await page.route(`**/projects/${tenant.projectId}/instances**`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    const [, input] = JSON.parse(request.postData()!);
    await route.continue({ postData: JSON.stringify([demoId, { ...input, instanceIds: [theirId] }]) });
  });
  await rowAction(page, mine, "Lock");
  await expect(page.getByRole("alert").filter({ hasText: "Project not found." })).toBeVisible();
});
