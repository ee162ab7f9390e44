// Integration tests of the real supabase-js against the PostgREST/GoTrue stand-ins over a
// migrated PostgreSQL 15. Run by scripts/test-db.sh (which provides DATABASE_URL), not by the
// root vitest config.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/sync/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
