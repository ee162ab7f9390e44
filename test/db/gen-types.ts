// Generates lib/db/database.types.ts from a live, migrated database — the same way
// `supabase gen types typescript --db-url … --schema public` does, minus Docker: the CLI runs the
// pinned @supabase/postgres-meta image's server.js with these environment variables, and so do we,
// from node_modules. The output is written untouched, so the file matches what a team gets from
// its own project.
//
//   npx tsx test/db/gen-types.ts --write lib/db/database.types.ts   (DATABASE_URL = migrated DB)
//   npx tsx test/db/gen-types.ts --check lib/db/database.types.ts   (exit 1 if it is stale)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [mode, file] = process.argv.slice(2);
if ((mode !== '--write' && mode !== '--check') || !file) {
  console.error('usage: gen-types.ts --write|--check <file>');
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL must point at the migrated database');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const server = path.join(path.dirname(require.resolve('@supabase/postgres-meta/package.json')), 'dist/server/server.js');
const generated = execFileSync(process.execPath, [server], {
  env: {
    ...process.env,
    PG_META_DB_URL: url,
    PG_META_GENERATE_TYPES: 'typescript',
    NODE_NO_WARNINGS: '1',
    PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: 'public',
    // What the CLI passes for a PostgREST newer than v9.
    PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS: 'true',
  },
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 64 * 1024 * 1024,
});
if (!generated.includes('export type Database')) {
  console.error('postgres-meta produced no Database type:\n' + generated.slice(0, 500));
  process.exit(1);
}

if (mode === '--write') {
  writeFileSync(file, generated);
  console.log(`wrote ${file} (${generated.length} bytes)`);
} else {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // reported below as stale
  }
  if (committed !== generated) {
    const a = committed.split('\n');
    const b = generated.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    console.error(`${file} is stale: it differs from the live schema from line ${line + 1}` +
                  `\n  committed: ${JSON.stringify(a[line] ?? '<end of file>')}\n  generated: ${JSON.stringify(b[line] ?? '<end of file>')}` +
                  `\nRun: npm run test:db -- --update-types`);
    process.exit(1);
  }
  console.log(`${file} matches the live schema`);
}
