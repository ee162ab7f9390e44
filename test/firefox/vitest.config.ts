import { defineConfig } from 'vitest/config';

// The Firefox end-to-end suite (`npm run test:firefox`): one Firefox per file, files one after the
// other (a 2-core machine runs one browser well), long timeouts because a launch alone takes seconds.
// Tests wait on conditions, never on time.
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.ff.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { TZ: 'Asia/Jakarta' },
  },
});
