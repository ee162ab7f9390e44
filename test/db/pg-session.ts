// Test-side stand-in for PostgREST: each call is one transaction that switches to the caller's
// role and claims, runs the RPC and commits, as a request to /rest/v1/rpc/<name> would.
import pg from 'pg';

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export function connect(): pg.Client {
  return new pg.Client({ connectionString: DATABASE_URL });
}

export async function asUser<T>(client: pg.Client, userId: string, fn: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    await client.query(
      "select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)",
      [JSON.stringify({ sub: userId, role: 'authenticated' })],
    );
    const result = await fn();
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback');
    throw err;
  }
}

/** Creates a user and a team they own, as the API would; returns their ids. */
export async function makeTeam(admin: pg.Client, label: string, extraReps = 0) {
  const users: string[] = [];
  for (let i = 0; i <= extraReps; i++) {
    const { rows } = await admin.query<{ id: string }>(
      "insert into auth.users (id, email, raw_user_meta_data) values (gen_random_uuid(), $1, $2) returning id",
      [`${label}-${i}-${Date.now()}@bench.example.com`, { full_name: `${label} ${i}` }],
    );
    users.push(rows[0]!.id);
  }
  const owner = users[0]!;
  const team = await asUser(admin, owner, async () => {
    const { rows } = await admin.query<{ id: string }>('select public.create_team($1) as id', [label]);
    return rows[0]!.id;
  });
  for (const rep of users.slice(1)) {
    const code = await asUser(admin, owner, async () => {
      const { rows } = await admin.query<{ code: string }>("select code from public.create_invite($1, 'rep')", [team]);
      return rows[0]!.code;
    });
    await asUser(admin, rep, () => admin.query('select public.join_team($1)', [code]));
  }
  return { team, owner, users };
}

export async function dropTeam(admin: pg.Client, team: string, users: string[]) {
  await admin.query('delete from public.teams where id = $1', [team]);
  await admin.query('delete from auth.users where id = any($1::uuid[])', [users]);
}

let counter = 0;
/** An HLC in the clients' format: 15-digit millis, 6-char base-36 counter, node id. */
export function hlc(node: string, millis = Date.now()): string {
  counter = (counter + 1) % 36 ** 6;
  return `${String(millis).padStart(15, '0')}-${counter.toString(36).padStart(6, '0')}-${node}`;
}

export interface PullChange {
  entity: string;
  id: string;
  seq: number;
  data: Record<string, unknown>;
}
export interface PullPage {
  changes: PullChange[];
  next_cursor: number;
  has_more: boolean;
}
