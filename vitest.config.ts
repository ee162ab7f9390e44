import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'test/unit/**/*.test.ts'],
    // A fixed clock is passed explicitly to domain code; the time zone is pinned for due-time tests.
    env: { TZ: 'Asia/Jakarta' },
  },
});
