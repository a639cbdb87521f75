import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { deleteInstanceRows, insertInstanceRows } from "../support/instance-rows";
import { signIn } from "../support/sign-in";
import { createTenant, type Tenant } from "../support/tenants";

const HOUR = 3600_000;

// A project of its own, so every figure on its overview is known exactly.
let tenant: Tenant;
let rowIds: string[] = [];

test.beforeAll(async () => {
  tenant = await createTenant("overview");
  const now = Date.now();
  rowIds = await insertInstanceRows(tenant.projectId, [
    // Counts against the quota; never launched, so it has no usage.
    { name: "quota-holder", vmState: "stopped", vcpus: 2, ramMiB: 1024, diskGiB: 20, launchedAt: null },
    // Ran for two hours and is gone: usage, but no quota.
    {
      name: "ran-two-hours",
      vmState: "deleted",
      vcpus: 2,
      ramMiB: 1024,
      diskGiB: 10,
      launchedAt: new Date(now - 3 * HOUR),
      terminatedAt: new Date(now - HOUR),
    },
  ]);
});

test.afterAll(async () => {
  await deleteInstanceRows(rowIds);
});

async function openOverview(page: Page, query = ""): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(`/projects/${tenant.projectId}/overview${query}`)}`);
  await signIn(page, tenant.username, tenant.password);
  await expect(page.getByRole("heading", { level: 1, name: tenant.projectName })).toBeVisible();
}

test("the overview charts the project's quota with its real figures", async ({ page }) => {
  await openOverview(page);

  const quotas = page.getByRole("region", { name: "Quota usage" });
  const expected = [
    ["Instances", "1 / 10", "10%"],
    ["vCPUs", "2 / 20", "10%"],
    ["RAM", "1 / 50 GiB", "2%"],
    ["Disk", "0.02 / 1 TiB", "2%"],
  ];
  for (const [resource, figures, percent] of expected) {
    const meter = quotas.getByRole("meter", { name: resource });
    await expect(meter).toHaveAttribute("aria-valuetext", `${figures} (${percent})`);
    await expect(meter).toContainText(percent);
    await expect(quotas.getByRole("figure").filter({ has: page.getByRole("meter", { name: resource }) })).toContainText(`${resource}${figures}`);
  }

  const instances = page.getByRole("region", { name: "Instances", exact: true });
  await expect(instances).toContainText("1 instance in this project");
  await expect(instances.getByRole("list", { name: "Instances by status" }).getByRole("listitem")).toHaveText(["SHUTOFF1"]);
});

test("the usage summary covers the chosen period and downloads as CSV", async ({ page }) => {
  await openOverview(page);
  const usage = page.getByRole("region", { name: "Usage", exact: true });
  await expect(usage.getByRole("link", { name: "This month", exact: true })).toHaveAttribute("aria-current", "true");

  await usage.getByRole("navigation", { name: "Usage period" }).getByRole("link", { name: "24 hours" }).click();
  await expect(page).toHaveURL(/\/overview\?period=24h$/);
  await expect(usage.getByRole("link", { name: "24 hours" })).toHaveAttribute("aria-current", "true");

  const table = usage.getByRole("table", { name: "Usage per instance" });
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /ran-two-hours/ }) });
  await expect(row.getByRole("cell")).toHaveText([/e2e\.fixed/, "2.00", "4.00", "2.00"]);
  await expect(table.getByRole("row").last()).toHaveText(/Total, 1 instance\s*2\.00\s*4\.00\s*2\.00/);
  await expect(usage.getByRole("definition")).toHaveText(["1", "2.00", "4.00", "2.00"]);

  const [download] = await Promise.all([page.waitForEvent("download"), usage.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^usage-${tenant.projectName}-\\d{4}-\\d{2}-\\d{2}T\\d{4}Z-\\d{4}-\\d{2}-\\d{2}T\\d{4}Z\\.csv$`),
  );
  const lines = (await readFile(await download.path(), "utf8")).trimEnd().split("\n");
  expect(lines[0]).toBe("instance_id,name,project_id,flavor,vcpus,ram_mib,hours,vcpu_hours,ram_gib_hours,state");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(new RegExp(`^${rowIds[1]},ran-two-hours,${tenant.projectId},e2e.fixed,2,1024,2,4,2,deleted$`));
});

test("custom periods come from the URL and are checked", async ({ page }) => {
  await openOverview(page, "?from=2020-01-01&to=2020-01-31");
  const usage = page.getByRole("region", { name: "Usage", exact: true });
  await expect(usage.getByLabel("From", { exact: true })).toHaveValue("2020-01-01");
  await expect(usage.getByLabel("To", { exact: true })).toHaveValue("2020-01-31");
  await expect(usage).toContainText("2020-01-01 to 2020-01-31");
  await expect(usage.getByText("No usage in this period")).toBeVisible();

  const form = usage.getByRole("form", { name: "Custom period" });
  await form.getByLabel("From", { exact: true }).fill("2020-02-01");
  await form.getByLabel("To", { exact: true }).fill("2020-01-01");
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\?from=2020-02-01&to=2020-01-01$/);
  await expect(usage.getByRole("alert")).toHaveText("The period starts (2020-02-01) after it ends (2020-01-01).");
  await expect(form.getByLabel("From", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(usage.getByRole("link", { name: "Download CSV" })).toHaveCount(0);

  await form.getByLabel("From", { exact: true }).fill("2020-01-01");
  await form.getByLabel("To", { exact: true }).fill("2021-06-30");
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(usage.getByRole("alert")).toHaveText("A period can cover at most one year; this one covers 547 days.");
});
