// Sync end-to-end helpers: the Supabase stand-in (test/stand-in) over the database that
// scripts/test-db.sh prepared, browser profiles loaded with the e2e build (see wxt.config.ts),
// and the options-page steps a rep takes to connect, sign up and pick a team.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { startStandIn, type StandIn } from '../stand-in/server';
import { expect, fixture, launchWithExtension, serveLinkedIn, serviceWorker } from './harness';

// JALUR_E2E_BACKEND_DIR: a JALUR_E2E_BACKEND=1 build in another directory (several builds on one machine).
export const E2E_BACKEND_DIR = resolve(process.env.JALUR_E2E_BACKEND_DIR ?? '.output-e2e/chrome-mv3');
const SHELL = fixture('linkedin-spa/shell.html');

export async function standIn(): Promise<StandIn> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: the sync tests run through scripts/test-db.sh (npm test does this)');
  return startStandIn({ databaseUrl, bcryptCost: 4 });
}

export interface Rep {
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  options: Page;
  email: string;
  password: string;
  close(): Promise<void>;
}

/** A browser profile with Jalur, the LinkedIn fixtures served, and the stand-in reachable. */
export async function profile(server: StandIn, label: string): Promise<Rep> {
  const { context, close } = await launchWithExtension({ extensionDir: E2E_BACKEND_DIR });
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
  // The project is the one origin besides the fixtures that may answer (routes added later win).
  await context.route(`${server.url}/**`, (route) => route.continue());
  const sw = await serviceWorker(context);
  const extensionId = new URL(sw.url()).host;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  return {
    context,
    sw,
    extensionId,
    options,
    email: `${label}-${randomUUID().slice(0, 8)}@e2e.example.com`,
    password: `pw-${randomUUID()}`,
    close,
  };
}

/** Options: connect the project, create an account. */
export async function connectAndSignUp(rep: Rep, server: StandIn): Promise<void> {
  const o = rep.options;
  await o.getByLabel('Project URL').fill(server.url);
  await o.getByLabel('Anon key').fill(server.anonKey);
  await o.getByRole('button', { name: 'Connect' }).click();
  await expect(o.getByTestId('backend-url')).toContainText(server.url);
  await o.getByLabel('Email').fill(rep.email);
  await o.getByLabel('Password').fill(rep.password);
  await o.getByRole('button', { name: 'Create account' }).click();
  await expect(o.getByTestId('signed-in-as')).toContainText(rep.email);
}

export async function createTeam(rep: Rep, name: string): Promise<void> {
  await rep.options.getByLabel('Team name').fill(name);
  await rep.options.getByRole('button', { name: 'Create team' }).click();
  await expect(rep.options.getByTestId('mode')).toContainText(name);
}

export async function inviteCode(rep: Rep): Promise<string> {
  await rep.options.getByRole('button', { name: 'Create invite code' }).click();
  const code = rep.options.getByTestId('invite-code');
  await expect(code).toHaveText(/[A-Z0-9-]{10,}/);
  return (await code.textContent())!;
}

export async function joinTeam(rep: Rep, code: string, name: string): Promise<void> {
  await rep.options.getByLabel('Invite code').fill(code);
  await rep.options.getByRole('button', { name: 'Join team' }).click();
  await expect(rep.options.getByTestId('mode')).toContainText(name);
}

/** The side panel as a tab: its sync line is the rep's view of sync. */
export async function sidePanel(rep: Rep): Promise<Page> {
  const page = await rep.context.newPage();
  await page.goto(`chrome-extension://${rep.extensionId}/sidepanel.html`);
  return page;
}

/** Node has no WebSocket on 20 and realtime is not used: a transport that refuses to connect. */
class NoWebSocket {
  constructor() {
    throw new Error('realtime is not used');
  }
}

/** The rep's account through supabase-js from the test, to see what the server holds. */
export async function serverView(server: StandIn, rep: Rep): Promise<SupabaseClient> {
  const client = createClient(server.url, server.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: NoWebSocket as never },
  });
  const { error } = await client.auth.signInWithPassword({ email: rep.email, password: rep.password });
  if (error) throw error;
  return client;
}

type Row = Record<string, unknown>;

async function serverRows(client: SupabaseClient, teamId: string, entity: string): Promise<Row[]> {
  const rows: Row[] = [];
  let since = 0;
  for (;;) {
    const { data, error } = await client.rpc('sync_pull', { team_id: teamId, since, lim: 1000 });
    if (error) throw new Error(error.message);
    const page = data as { changes: Array<{ entity: string; data: Row }>; next_cursor: number; has_more: boolean };
    rows.push(...page.changes.filter((c) => c.entity === entity).map((c) => c.data));
    since = page.next_cursor;
    if (!page.has_more) return rows;
  }
}

export function serverProspects(client: SupabaseClient, teamId: string): Promise<Row[]> {
  return serverRows(client, teamId, 'prospect');
}

/** The stage key the server holds for the prospect with this slug (undefined when it has none). */
export async function serverStageOf(client: SupabaseClient, teamId: string, slug: string): Promise<string | undefined> {
  const stages = new Map((await serverRows(client, teamId, 'stage')).map((s) => [s.id, s.key as string]));
  const p = (await serverProspects(client, teamId)).find((r) => r.linkedin_slug === slug);
  return p ? stages.get(p.stage_id) : undefined;
}

export async function teamIdOf(rep: Rep): Promise<string> {
  return rep.options.evaluate(async () => ((await chrome.storage.local.get('scope')).scope as { teamId: string }).teamId);
}

/**
 * The browser profiles of one spec against one stand-in: `rep(label)` opens a profile that `closeAll()`
 * (in afterEach) closes again, and `teamOfTwo()` is the usual start: an owner who made the team and a
 * rep who joined it with an invite code, each in their own profile.
 */
export function profiles(server: () => StandIn) {
  const open: Rep[] = [];
  const rep = async (label: string): Promise<Rep> => {
    const r = await profile(server(), label);
    open.push(r);
    return r;
  };
  return {
    rep,
    async closeAll(): Promise<void> {
      while (open.length) await open.pop()!.close();
    },
    async teamOfTwo(team: string, labels: [string, string] = ['sari', 'bayu']): Promise<{ owner: Rep; teammate: Rep }> {
      const owner = await rep(labels[0]);
      await connectAndSignUp(owner, server());
      await createTeam(owner, team);
      const code = await inviteCode(owner);
      const teammate = await rep(labels[1]);
      await connectAndSignUp(teammate, server());
      await joinTeam(teammate, code, team);
      return { owner, teammate };
    },
  };
}
