import { defineConfig, devices } from "@playwright/test";

// No webServer: the test runner starts Berth itself and passes its address in BERTH_E2E_URL.
export default defineConfig({
  testDir: "e2e",
  workers: 1,
  retries: 0,
  outputDir: process.env.BERTH_E2E_OUTPUT ?? "test-results",
  reporter: [["list"], ["json", { outputFile: process.env.BERTH_E2E_JSON ?? "test-results/e2e.json" }]],
  use: {
    baseURL: process.env.BERTH_E2E_URL ?? "http://127.0.0.1:3100",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
});
