import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'test/unit/**/*.test.ts', 'build/**/*.test.ts'],
    // A fixed clock is passed explicitly to domain code; the time zone is pinned for due-time tests.
    env: { TZ: 'Asia/Jakarta' },
    // Tests prove behaviour, not speed (the bench measures speed): the scale tests that build tens of
    // thousands of rows get room to finish on a loaded 2-core machine instead of failing at 5 s.
    testTimeout: 60_000,
  },
});
