import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn, signInAsAdmin } from "../support/sign-in";
import { openAdminPage, rowNamed } from "./admin-pages";

const suffix = randomBytes(3).toString("hex");
// Names sort after "demo", so the admin's first project stays demo for the other specs.
const project = `team-${suffix}`;
const username = `user-${suffix}`;
const password = `pw-${randomBytes(6).toString("hex")}`;

test("the admin creates a project and a user, gives them a role, and disabling the user ends their session at once", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signInAsAdmin(page);

  await openAdminPage(page, "Projects");
  const create = page.getByRole("form", { name: "Create project" });
  await create.getByLabel("Name").fill(project);
  await create.getByLabel("Description").fill("made by the identity spec");
  await create.getByRole("button", { name: "Create project" }).click();
  await expect(create.getByRole("status")).toContainText(`Project ${project} created`);
  await create.getByLabel("Name").fill("demo");
  await create.getByRole("button", { name: "Create project" }).click();
  await expect(create.getByLabel("Name")).toHaveAccessibleDescription("already in use");

  await openAdminPage(page, "Users");
  const newUser = page.getByRole("form", { name: "Create user" });
  await newUser.getByLabel("Username").fill(username);
  await newUser.getByLabel("Password").fill("short");
  await newUser.getByRole("button", { name: "Create user" }).click();
  await expect(newUser.getByLabel("Password")).toHaveAccessibleDescription("at least 8 characters");
  await newUser.getByLabel("Password").fill(password);
  await newUser.getByRole("button", { name: "Create user" }).click();
  await expect(newUser.getByRole("status")).toContainText(`User ${username} created`);

  await openAdminPage(page, "Projects");
  await page.getByRole("table", { name: "Projects" }).getByRole("link", { name: project, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: project })).toBeVisible();
  const add = page.getByRole("form", { name: "Add member" });
  await add.getByLabel("User").selectOption({ label: username });
  await add.getByLabel("Role").selectOption("reader");
  await add.getByRole("button", { name: "Add member" }).click();
  const member = rowNamed(page, "Members", username);
  await expect(member.getByLabel(`Role of ${username}`)).toHaveValue("reader");

  // The user signs in and lands in their one project.
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await userPage.goto("/sign-in");
  await signIn(userPage, username, password);
  await expect(userPage.getByRole("heading", { level: 1, name: project })).toBeVisible();

  await member.getByLabel(`Role of ${username}`).selectOption("member");
  await member.getByRole("button", { name: `Change role of ${username}` }).click();
  await expect(member.getByLabel(`Role of ${username}`)).toHaveValue("member");

  await openAdminPage(page, "Users");
  const userRow = rowNamed(page, "Users", username);
  await userRow.getByRole("button", { name: "Disable" }).click();
  await page.getByRole("dialog", { name: `Disable ${username}?` }).getByRole("button", { name: "Disable" }).click();
  await expect(userRow.getByRole("cell").nth(0)).toHaveText("disabled");

  await userPage.reload();
  await expect(userPage).toHaveURL(/\/sign-in/);
  await userContext.close();

  await openAdminPage(page, "Audit log");
  const filters = page.getByRole("form", { name: "Filter audit events" });
  await filters.getByLabel("Target").selectOption("user");
  await filters.getByRole("button", { name: "Apply" }).click();
  const event = page.getByRole("table", { name: "Audit events" }).getByRole("row").filter({ hasText: "user.disable" }).filter({ hasText: username });
  await expect(event).toHaveCount(1);
  await expect(event).toContainText("admin");
  await expect(event.getByRole("definition")).toHaveText("true → false");
});
