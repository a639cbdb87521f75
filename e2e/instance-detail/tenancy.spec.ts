import { randomBytes, randomUUID } from "node:crypto";
import { expect, test, type BrowserContext } from "@playwright/test";
import WebSocket from "ws";
import { signIn } from "../support/sign-in";
import { addMember, createTenant } from "../support/tenants";
import { deleteLaunched, launchAndOpen, tab } from "./detail";

test.afterEach(async ({ page }) => {
  await deleteLaunched(page);
});

/** The HTTP status the server answers a console upgrade with (101 when it opens a socket). */
async function consoleStatus(baseURL: string, instanceId: string, context?: BrowserContext): Promise<number> {
  const cookies = context ? await context.cookies() : [];
  const url = `${baseURL.replace(/^http/, "ws")}/api/console/${instanceId}`;
  const socket = new WebSocket(url, { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; "), origin: baseURL } });
  return new Promise((resolve, reject) => {
    socket.on("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on("open", () => {
      resolve(101);
      socket.close();
    });
    socket.on("error", (error) => (error.message.includes("Unexpected server response") ? undefined : reject(error)));
  });
}

test("a member of another project gets nothing: not the page, the log, the stats, nor the console", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const opened = await launchAndOpen(page, { name: `private-${randomBytes(3).toString("hex")}`, image: "ticker", flavor: "m1.nano" });
  const { projectId, instanceId, url } = opened;
  expect(await consoleStatus(baseURL!, instanceId, page.context())).toBe(101);

  const tenant = await createTenant("outsider");
  const outsider = await browser.newContext();
  const theirs = await outsider.newPage();
  await theirs.goto("/sign-in");
  await signIn(theirs, tenant.username, tenant.password);
  await expect(theirs).toHaveURL(/\/overview$/);

  for (const path of [url, `${url}/log`, `${url}/console`]) {
    expect((await theirs.goto(path))?.status(), path).toBe(404);
  }
  // Their own project with this instance's id, or with an id that exists nowhere: a real 404 too.
  const ownUrl = `/projects/${tenant.projectId}/instances/${instanceId}`;
  for (const path of [ownUrl, `${ownUrl}/log`, `/projects/${tenant.projectId}/instances/${randomUUID()}`]) {
    expect((await theirs.goto(path))?.status(), path).toBe(404);
    await expect(theirs.getByRole("heading", { name: /not found/i })).toBeVisible();
  }
  await expect(theirs.getByRole("log")).toHaveCount(0);
  const api = `/api/projects/${projectId}/instances/${instanceId}`;
  const ownApi = `/api/projects/${tenant.projectId}/instances/${instanceId}`;
  for (const path of [api, `${api}/logs`, `${api}/logs/stream`, `${api}/logs/download`, `${api}/stats/stream`, `${ownApi}/logs`, `${ownApi}/logs/stream`]) {
    const response = await outsider.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain("tick");
  }
  expect(await consoleStatus(baseURL!, instanceId, outsider)).toBe(404);
  expect(await consoleStatus(baseURL!, instanceId)).toBe(401);

  // Made a reader of the project: the page and the log, but no shell.
  await addMember(tenant.userId, projectId, "reader");
  await theirs.goto(`${url}/log`);
  await expect(theirs.getByRole("log").locator("[data-log-line]").first()).toHaveText(/^tick \d+$/);
  await tab(theirs, "Console").click();
  await expect(theirs.getByText(/cannot open a shell/)).toBeVisible();
  expect(await consoleStatus(baseURL!, instanceId, outsider)).toBe(403);
  await outsider.close();
});
