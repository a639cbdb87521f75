import { expect, type Locator, type Page } from "@playwright/test";
import { deleteThroughList, expectLive, fillWizard, openDemoInstances, rowOf, statusCell, type WizardChoice } from "../instances/instance-list";

/** Helpers for the instance page specs: launch through the wizard, open the instance, reach its tabs. */

export type Opened = { projectId: string; instanceId: string; url: string };

// What this spec file launched, so its cleanup finds it even when a test failed halfway.
const launched: { projectId: string; name: string }[] = [];

/**
 * Launches one instance in the demo project through the wizard, waits for `status`, and opens its
 * page. `workingDir`, when given, is set by going back from the review to the configuration step.
 */
export async function launchAndOpen(page: Page, choice: WizardChoice & { workingDir?: string }, status: "ACTIVE" | "ERROR" = "ACTIVE"): Promise<Opened> {
  const projectId = await openDemoInstances(page);
  const wizard = await fillWizard(page, choice);
  if (choice.workingDir) {
    await wizard.getByRole("button", { name: "Back" }).click();
    await wizard.getByLabel("Working directory").fill(choice.workingDir);
    await wizard.getByRole("button", { name: "Next" }).click();
  }
  await wizard.getByRole("button", { name: /^Launch \d+ instances?$/ }).click();
  launched.push({ projectId, name: choice.name });
  await expect(wizard).toBeHidden();
  const row = rowOf(page, choice.name);
  await expect(statusCell(row)).toHaveText(new RegExp(`^${status}`), { timeout: 60_000 });
  await row.getByRole("link", { name: choice.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: choice.name })).toBeVisible();
  const instanceId = new URL(page.url()).pathname.split("/")[4];
  return { projectId, instanceId, url: `/projects/${projectId}/instances/${instanceId}` };
}

export function tab(page: Page, name: "Overview" | "Log" | "Console" | "Actions" | "Stats"): Locator {
  return page.getByRole("navigation", { name: "Instance" }).getByRole("link", { name, exact: true });
}

export function logView(page: Page): Locator {
  return page.getByRole("log");
}

/** Deletes what the spec launched, through the instance list, and waits until it is gone. */
export async function deleteLaunched(page: Page): Promise<void> {
  for (const { projectId, name } of launched.splice(0)) {
    await gotoSteadily(page, `/projects/${projectId}/instances`);
    await expectLive(page);
    await deleteThroughList(page, [name]);
  }
}

/**
 * Chromium aborts a navigation with ERR_NETWORK_CHANGED when network interfaces come and go, which
 * they do here whenever Docker starts or removes a container: try again once the change is over.
 */
export async function gotoSteadily(page: Page, url: string, waitUntil: "load" | "commit" = "load"): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url, { waitUntil });
      return;
    } catch (error) {
      if (attempt === 3 || !String(error).includes("ERR_NETWORK_CHANGED")) throw error;
    }
  }
}
