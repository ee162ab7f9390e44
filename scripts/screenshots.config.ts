import { defineConfig } from '@playwright/test';

// `npm run screenshots`: the README's pictures (docs/screenshots/*.png), made from synthetic fixtures by
// the end-to-end harness, so they show the current build. Build first (JALUR_EXTENSION_DIR picks which).
export default defineConfig({
  testDir: '.',
  testMatch: 'screenshots.spec.ts',
  timeout: 300_000,
  workers: 1,
  reporter: [['list']],
  outputDir: '../test-results/screenshots',
});
