import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { buildSeedImage } from "../../lib/images/seed-images";
import { databaseUrl } from "../support/tenants";

/** Helpers for the Images page specs: archives to upload, the table's rows, and clean-up. */

const dirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "berth-e2e-images-"));
  dirs.push(dir);
  return dir;
}

/** A real `docker save` archive (one of the seed images, built as Berth builds them), as a file. */
export async function seedArchive(name: "busybox" | "ticker" | "httpd"): Promise<string> {
  return (await buildSeedImage(name, await tempDir())).archivePath;
}

/** A file that is plainly not a tar archive, longer than a tar header so it cannot pass for a cut-off one. */
export async function textFile(): Promise<string> {
  const file = path.join(await tempDir(), "notes.tar");
  await writeFile(file, "These are notes, not an image.\n".repeat(200));
  return file;
}

export async function removeTempFiles(): Promise<void> {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export function imagesTable(page: Page): Locator {
  return page.getByRole("table", { name: "Images" });
}

/** A row by the image's exact name (uploads and snapshots have no description under it). */
export function imageRow(page: Page, name: string): Locator {
  return imagesTable(page).getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

/** The project table's cells after the name: status, visibility, min RAM, min disk, size, kind, actions. */
export const IMAGE_CELL = { status: 0, visibility: 1, minRam: 2, minDisk: 3, kind: 5 };

export function imageCell(row: Locator, cell: keyof typeof IMAGE_CELL): Locator {
  return row.getByRole("cell").nth(IMAGE_CELL[cell]);
}

export async function openImages(page: Page, projectId: string): Promise<void> {
  await page.goto(`/projects/${projectId}/images`);
  await expect(page.getByRole("heading", { level: 1, name: "Images" })).toBeVisible();
}

/** Runs SQL against the server's database, for states no page can make on demand. */
export async function sql(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/**
 * Deletes, as Berth does (status `deleted`; the archive goes lazily), what a test left under these
 * names, including killed copies renamed to free the name.
 */
export async function deleteImagesNamed(projectId: string, names: string[]): Promise<void> {
  await sql(`UPDATE images SET status = 'deleted' WHERE "ownerProjectId" = $1 AND name LIKE ANY($2::text[])`, [projectId, names.map((name) => `${name}%`)]);
}
