import { defineConfig } from '@playwright/test';

// Every test loads the built extension (.output/chrome-mv3) into Debian's Chromium; see test/e2e/harness.ts.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
