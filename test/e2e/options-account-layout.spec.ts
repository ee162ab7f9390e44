// How the options page's account and team forms look at 1280×900, in English and Indonesian: each
// field stands apart from the one above it, the buttons of a row stand apart from each other, and the
// team's two forms (create, join) read as two. Like the Supabase connection form (options-layout.spec.ts).
//
// The forms show only once a project is connected and a rep signed in. Their layout is the page's
// alone, so the page is given the background's answers for the account and its teams (every other
// message goes to the real background): no Supabase project is needed to look at them.
import type { Locator, Page } from '@playwright/test';
import { expect, launchWithExtension, serviceWorker, test } from './harness';

const WORDS = {
  en: {
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    create: 'Create account',
    sendCode: 'Email me a code',
    code: 'Code from the email',
    verify: 'Verify code',
    teamName: 'Team name',
    createTeam: 'Create team',
    inviteCode: 'Invite code',
    join: 'Join team',
    invite: 'Create invite code',
  },
  id: {
    email: 'Email',
    password: 'Kata sandi',
    signIn: 'Masuk',
    create: 'Buat akun',
    sendCode: 'Kirimi saya kode',
    code: 'Kode dari email',
    verify: 'Verifikasi kode',
    teamName: 'Nama tim',
    createTeam: 'Buat tim',
    inviteCode: 'Kode undangan',
    join: 'Gabung tim',
    invite: 'Buat kode undangan',
  },
} as const;

const TEAM_ID = '6f1c1b1e-0c2a-4c8e-9d3e-2f7a9b0c1d2e';
const USER_ID = '0b8f6a52-3c1d-4e2f-8a9b-7c6d5e4f3a2b';

/** Answers the page gets instead of the background's, by message type. */
type Fakes = Record<string, unknown>;

async function optionsWith(page: Page, id: string, fakes: Fakes): Promise<void> {
  await page.addInitScript((answers: Fakes) => {
    const real = chrome.runtime.sendMessage.bind(chrome.runtime) as (m: unknown) => Promise<unknown>;
    (chrome.runtime as unknown as { sendMessage: (m: unknown) => Promise<unknown> }).sendMessage = (m: unknown) => {
      const type = (m as { type?: string } | null)?.type;
      return type !== undefined && type in answers ? Promise.resolve({ ok: true, data: answers[type] }) : real(m);
    };
  }, fakes);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${id}/options.html`);
}

async function box(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error(`not on screen: ${l}`);
  return b;
}

/** Space between the bottom of `above` and the top of `below` (negative: they overlap). */
async function spaceBetween(above: Locator, below: Locator): Promise<number> {
  const a = await box(above);
  const b = await box(below);
  return b.y - (a.y + a.height);
}

/** Buttons of one row: each stands apart from the one before it (beside it or, wrapped, below it). */
async function apart(buttons: Locator[]): Promise<number> {
  let least = Infinity;
  for (let i = 1; i < buttons.length; i++) {
    const a = await box(buttons[i - 1]!);
    const b = await box(buttons[i]!);
    const sameRow = b.y < a.y + a.height;
    least = Math.min(least, sameRow ? b.x - (a.x + a.width) : b.y - (a.y + a.height));
  }
  return least;
}

/** With JALUR_SHOTS_DIR set, a picture of the part of the page the test looked at, to look at too. */
async function shot(part: Locator, name: string): Promise<void> {
  const dir = process.env.JALUR_SHOTS_DIR;
  if (dir) await part.screenshot({ path: `${dir}/${name}.png` });
}

for (const lang of ['en', 'id'] as const) {
  const w = WORDS[lang];
  test(`options: the sign-in and team forms stand apart (${lang})`, async () => {
    const { context, close } = await launchWithExtension({ lang });
    try {
      const sw = await serviceWorker(context);
      const id = new URL(sw.url()).host;

      // Connected, not signed in: the sign-in form, then the one-time code form.
      const signIn = await context.newPage();
      await optionsWith(signIn, id, {
        account: { backend: { url: 'https://abcd1234.supabase.co' }, user: null, scope: { mode: 'local' }, localProspects: 0 },
        sendCode: { sent: true },
      });
      const email = signIn.getByLabel(w.email, { exact: true });
      await expect(email).toBeVisible();
      const password = signIn.getByLabel(w.password, { exact: true });
      expect(await spaceBetween(email, signIn.getByText(w.password, { exact: true }))).toBeGreaterThanOrEqual(6);
      const buttons = [w.signIn, w.create, w.sendCode].map((n) => signIn.getByRole('button', { name: n, exact: true }));
      expect(await spaceBetween(password, buttons[0]!)).toBeGreaterThanOrEqual(6);
      expect(await apart(buttons)).toBeGreaterThanOrEqual(6);
      await email.fill('rep@example.com');
      await buttons[2]!.click();
      const code = signIn.getByLabel(w.code, { exact: true });
      await expect(code).toBeVisible();
      // The code form is a form of its own, below the first one's buttons.
      expect(await spaceBetween(buttons[2]!, signIn.getByText(/rep@example\.com/))).toBeGreaterThanOrEqual(6);
      expect(await spaceBetween(code, signIn.getByRole('button', { name: w.verify, exact: true }))).toBeGreaterThanOrEqual(6);
      await shot(signIn.locator('section', { has: email }), `options-sign-in-${lang}`);

      // Signed in, working in a team the rep owns: the team list, create, join and invite.
      const team = await context.newPage();
      await optionsWith(team, id, {
        account: {
          backend: { url: 'https://abcd1234.supabase.co' },
          user: { id: USER_ID, email: 'rep@example.com' },
          scope: { mode: 'team', userId: USER_ID, email: 'rep@example.com', teamId: TEAM_ID, teamName: 'Tim Penjualan Nusantara' },
          localProspects: 0,
        },
        teams: {
          teams: [
            { teamId: TEAM_ID, name: 'Tim Penjualan Nusantara', role: 'owner', memberCount: 4 },
            { teamId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', name: 'Kemitraan Jawa Barat', role: 'rep', memberCount: 2 },
          ],
        },
        syncIssues: { issues: [] },
      });
      const teamName = team.getByLabel(w.teamName, { exact: true });
      await expect(teamName).toBeVisible();
      const createTeam = team.getByRole('button', { name: w.createTeam, exact: true });
      const invite = team.getByLabel(w.inviteCode, { exact: true });
      const join = team.getByRole('button', { name: w.join, exact: true });
      expect(await spaceBetween(teamName, createTeam)).toBeGreaterThanOrEqual(6);
      // Two forms, not one: more room between them than between a field and its button.
      expect(await spaceBetween(createTeam, team.getByText(w.inviteCode, { exact: true }))).toBeGreaterThanOrEqual(12);
      expect(await spaceBetween(invite, join)).toBeGreaterThanOrEqual(6);
      expect(await spaceBetween(join, team.getByRole('button', { name: w.invite, exact: true }))).toBeGreaterThanOrEqual(12);
      // The team list: each team's name and what it offers on one line, rows never overlapping.
      const rows = team.locator('.teams li');
      await expect(rows).toHaveCount(2);
      expect(await spaceBetween(rows.nth(0), rows.nth(1))).toBeGreaterThanOrEqual(0);
      for (const row of await rows.all()) {
        const name = await box(row.locator('span').first());
        const action = await box(row.locator('button, strong').first());
        expect(Math.abs(name.y + name.height / 2 - (action.y + action.height / 2))).toBeLessThanOrEqual(4);
        expect(action.x - (name.x + name.width)).toBeGreaterThanOrEqual(12);
      }
      await shot(team.locator('section', { has: teamName }), `options-team-${lang}`);
    } finally {
      await close();
    }
  });
}
