import { expect, type Locator, type Page } from "@playwright/test";
import { signInAsAdmin } from "../support/sign-in";

/** Helpers for the instance list specs: open it, find a row, launch through the wizard, act on rows. */

/** Signs in as admin and opens the demo project's instance list; returns the project's id. */
export async function openDemoInstances(page: Page): Promise<string> {
  await signInAsAdmin(page);
  const projectId = new URL(page.url()).pathname.split("/")[2];
  await page.goto(`/projects/${projectId}/instances`);
  await expectLive(page);
  return projectId;
}

/** Waits until the live stream is connected, so nothing that happens next can be missed. */
export async function expectLive(page: Page): Promise<void> {
  await expect(page.getByRole("status").filter({ hasText: /^Live$/ })).toBeVisible({ timeout: 15_000 });
}

export function instanceTable(page: Page): Locator {
  return page.getByRole("table", { name: "Instances" });
}

export function rowOf(page: Page, name: string): Locator {
  return instanceTable(page).getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

/** Where a column's cell is among a row's cells (the row header, Name, is not one): select, image · kind, flavor, status, task, power, ... */
export const CELL = { status: 3, power: 5 };

export function statusCell(row: Locator): Locator {
  return row.getByRole("cell").nth(CELL.status);
}

export type WizardChoice = {
  name: string;
  image?: string;
  flavor?: string;
  count?: number;
  command?: string;
  /** Ticked in this order (the first is the primary); left out: the project's default network. */
  networks?: string[];
  /** As the wizard offers it: "name: policy". */
  serverGroup?: string;
};

/** Fills the wizard step by step up to the review; the caller submits (or inspects) it. */
export async function fillWizard(page: Page, choice: WizardChoice): Promise<Locator> {
  await page.getByRole("button", { name: "Launch instance" }).first().click();
  const wizard = page.getByRole("dialog", { name: "Launch instances" });
  await wizard.getByLabel("Instance name").fill(choice.name);
  if (choice.count) await wizard.getByLabel("Count").fill(String(choice.count));
  if (choice.serverGroup) await wizard.getByLabel("Server group").selectOption({ label: choice.serverGroup });
  await wizard.getByRole("button", { name: "Next" }).click();
  await wizard.getByRole("radio", { name: choice.image ?? "busybox", exact: true }).check();
  await wizard.getByRole("button", { name: "Next" }).click();
  await wizard.getByRole("radio", { name: choice.flavor ?? "m1.nano", exact: true }).check();
  await wizard.getByRole("button", { name: "Next" }).click();
  if (choice.networks) {
    const ticked = wizard.getByRole("group", { name: "Networks" }).getByRole("checkbox", { checked: true });
    while (await ticked.count()) await ticked.first().uncheck();
    for (const network of choice.networks) await wizard.getByRole("checkbox", { name: network, exact: true }).check();
  }
  if (choice.command) await wizard.getByLabel("Command").fill(choice.command);
  await wizard.getByRole("button", { name: "Next" }).click();
  await expect(wizard.getByRole("button", { name: /^Launch \d+ instances?$/ })).toBeVisible();
  return wizard;
}

export async function launchThroughWizard(page: Page, choice: WizardChoice): Promise<void> {
  const wizard = await fillWizard(page, choice);
  await wizard.getByRole("button", { name: /^Launch \d+ instances?$/ }).click();
  // Submitting closes the wizard at once; the server's answer comes after.
  await expect(wizard).toBeHidden();
}

/** Opens a row's action menu and chooses an action; confirms when the action asks to. */
export async function rowAction(page: Page, name: string, action: string): Promise<void> {
  await rowOf(page, name).getByRole("button", { name: `Actions for ${name}` }).click();
  const item = page.getByRole("menu", { name: `Actions for ${name}` }).getByRole("menuitem", { name: new RegExp(`^${action}(…)?$`) });
  const confirms = (await item.textContent())?.endsWith("…");
  await item.click();
  if (confirms) await page.getByRole("dialog").getByRole("button", { name: action, exact: true }).click();
}

/** Deletes instances by name through the list (selection + bulk delete) and waits until they are gone. */
export async function deleteThroughList(page: Page, names: string[]): Promise<void> {
  const present: string[] = [];
  for (const name of names) if (await rowOf(page, name).count()) present.push(name);
  if (!present.length) return;
  for (const name of present) await rowOf(page, name).getByRole("checkbox").check();
  await page.getByRole("toolbar", { name: "Actions on selected instances" }).getByRole("button", { name: /^Delete/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete", exact: true }).click();
  for (const name of present) await expect(rowOf(page, name)).toHaveCount(0, { timeout: 30_000 });
}
