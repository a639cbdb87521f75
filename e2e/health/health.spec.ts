import { expect, test } from "@playwright/test";

test("/api/health reports the database and the local host up", async ({ request }) => {
  const response = await request.get("/api/health");

  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const health = await response.json();
  expect(health.database.ok).toBe(true);
  expect(health.hosts).toContainEqual(expect.objectContaining({ name: "local", status: "up" }));
});

test("/metrics speaks the Prometheus text format", async ({ request }) => {
  const response = await request.get("/metrics");

  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/plain; version=0.0.4");
  const body = await response.text();
  expect(body).toContain("berth_up 1");
  expect(body).toMatch(/berth_host_up\{[^}]*host="local"[^}]*\} 1/);
});
