// npx tsx test/stand-in/main.ts --db <postgres url> [--port N] [--jwt-secret S] [--ttl SECONDS]
// Serves the Supabase stand-in (GoTrue + PostgREST) over a migrated database, e.g. the one
// `npm run test:db -- --serve` prints, until Ctrl-C. Prints the project URL and the anon key.
import { startStandIn } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const db = arg('db') ?? process.env.DATABASE_URL;
if (!db) {
  console.error('usage: npx tsx test/stand-in/main.ts --db <postgres url> [--port N] [--jwt-secret S] [--ttl SECONDS]');
  process.exit(2);
}
const port = arg('port');
const ttl = arg('ttl');
const standIn = await startStandIn({
  databaseUrl: db,
  port: port ? Number(port) : 0,
  jwtSecret: arg('jwt-secret'),
  accessTokenTtl: ttl ? Number(ttl) : undefined,
  onOtp: (email, code) => console.log(`one-time code for ${email}: ${code}`),
});
console.log(`SUPABASE_URL=${standIn.url}`);
console.log(`SUPABASE_ANON_KEY=${standIn.anonKey}`);
console.log('One-time codes are printed here, since no mail is sent.');
const stop = async () => {
  await standIn.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
