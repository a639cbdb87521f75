import { expect, test } from "@playwright/test";
import { idByName } from "../support/instance-rows";
import { signIn } from "../support/sign-in";
import { createTenant } from "../support/tenants";

test("the usage CSV answers members only; another project's member gets 404", async ({ page }) => {
  const [demoId, outsider] = await Promise.all([idByName("projects", "demo"), createTenant("outsider")]);

  const signedOut = await page.request.get(`/api/projects/${demoId}/usage.csv`);
  expect(signedOut.status()).toBe(401);

  await page.goto("/sign-in");
  await signIn(page, outsider.username, outsider.password);
  await expect(page).toHaveURL(new RegExp(`/projects/${outsider.projectId}/overview$`));

  const foreign = await page.request.get(`/api/projects/${demoId}/usage.csv?period=7d`);
  expect(foreign.status()).toBe(404);
  expect(await foreign.text()).not.toContain("instance_id");

  const own = await page.request.get(`/api/projects/${outsider.projectId}/usage.csv?from=2026-01-01&to=2026-01-31`);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(own.headers()["content-disposition"]).toBe(`attachment; filename="usage-${outsider.projectName}-2026-01-01-2026-01-31.csv"`);
  expect(await own.text()).toBe("instance_id,name,project_id,flavor,vcpus,ram_mib,hours,vcpu_hours,ram_gib_hours,state\n");

  const backwards = await page.request.get(`/api/projects/${outsider.projectId}/usage.csv?from=2026-02-01&to=2026-01-01`);
  expect(backwards.status()).toBe(400);
  expect((await backwards.json()).error.message).toBe("The period starts (2026-02-01) after it ends (2026-01-01).");
});
