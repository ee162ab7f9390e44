import { mkdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, fixture, launchWithExtension, serveLinkedIn, serviceWorker } from './harness';
import { test } from './harness';

// The profile chip's Log touch offers what the rep did on the person's post (Liked / Commented on /
// Shared their post) besides a LinkedIn message: a social-engagement touch with its kind, counted in
// the score. Screenshots of the menu and the form in English and Indonesian at a tab's size.

// Each test clips and logs several times: room for a machine shared by many test runs.
test.describe.configure({ timeout: 180_000 });

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const SHOTS = '/tmp/shots/surfaces-polish';

const strings = (lang: 'en' | 'id') => {
  const m = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
  return (key: string, ...subs: string[]) => subs.reduce((s, v, i) => s.replace(`$${i + 1}`, v), m[key]!.message);
};

async function clipRizky(context: BrowserContext, lang: 'en' | 'id'): Promise<Page> {
  const s = strings(lang);
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(RIZKY);
  const chip = page.locator('jalur-inline[data-slug="rizky-pratama-5e6f7a"]');
  await chip.getByRole('button', { name: s('addToPipeline') }).click();
  await expect(chip.locator('[data-stage="prospecting"]')).toBeVisible();
  return page;
}

/**
 * Choose an option the way a rep does, with the keyboard on the focused select: the chip acts on
 * trusted input only, and Playwright's selectOption dispatches synthetic events.
 */
async function choose(page: Page, select: Locator, label: string) {
  const labels = await select.locator('option').allTextContents();
  const from = await select.evaluate((el) => (el as HTMLSelectElement).selectedIndex);
  const to = labels.indexOf(label);
  expect(to).toBeGreaterThanOrEqual(0);
  await select.focus();
  for (let i = from; i !== to; i += to > from ? 1 : -1) await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
  await expect(select.locator('option:checked')).toHaveText(label);
}

async function detail(page: Page) {
  return page.evaluate(async () => (await chrome.runtime.sendMessage({ type: 'detail', slug: 'rizky-pratama-5e6f7a' })).data);
}

test('Log touch on a profile: Liked their post is a social-engagement touch with its kind, from the rep, and raises the score', async ({ context, extensionId }) => {
  const page = await clipRizky(context, 'en');
  const chip = page.locator('jalur-inline');
  const score = async () => Number(/\d+/.exec((await chip.locator('.score').textContent()) ?? '')?.[0]);
  const before = await score();

  await chip.getByRole('button', { name: 'Actions' }).click();
  await chip.getByRole('menuitem', { name: 'Log touch' }).click();
  const channel = chip.getByLabel('Channel');
  // The page's channel first, then what the rep did on the post, then the other channels.
  await expect(channel.locator('option')).toHaveText([
    'LinkedIn message',
    'Liked their post',
    'Commented on their post',
    'Shared their post',
    'Connection request',
    'Email',
    'Call',
    'Meeting',
    'Note',
  ]);
  await expect(channel.locator('optgroup')).toHaveCount(2);
  await expect(channel.locator('optgroup').first()).toHaveAttribute('label', 'Social engagement');
  await expect(channel).toHaveValue('linkedin_message');
  await expect(chip.getByLabel('Direction')).toBeVisible();

  // Keyboard only: the select takes the choice, the direction goes (an engagement is the rep's doing).
  await choose(page, channel, 'Liked their post');
  await expect(chip.getByLabel('Direction')).toHaveCount(0);
  await chip.getByLabel('Note').fill('On the cold-chain post');
  await chip.getByRole('button', { name: 'Log touch' }).click();
  await expect(chip.locator('[aria-live="polite"]')).toHaveText('Touch logged: Liked their post');
  await expect(chip.getByRole('button', { name: 'Actions' })).toBeFocused();

  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/options.html`);
  const d = await detail(ext);
  expect(d.touches.map((t: { channel: string; engagement: string | null; direction: string; note: string | null }) => [t.channel, t.engagement, t.direction, t.note])).toEqual([
    ['social_engagement', 'liked', 'out', 'On the cold-chain post'],
  ]);
  expect(d.prospect.touchCount).toBe(1);
  expect(d.prospect.scoreBreakdown.find((l: { rule: string }) => l.rule === 'touches')).toMatchObject({ points: 3 });
  // The chip shows the new score without a reload.
  await expect.poll(score).toBe(before + 3);

  // Commented on and Shared too; a LinkedIn message still asks the direction and keeps it.
  for (const label of ['Commented on their post', 'Shared their post']) {
    await chip.getByRole('button', { name: 'Actions' }).click();
    await chip.getByRole('menuitem', { name: 'Log touch' }).click();
    await choose(page, chip.getByLabel('Channel'), label);
    await chip.getByRole('button', { name: 'Log touch' }).click();
    await expect(chip.locator('[aria-live="polite"]')).toHaveText(`Touch logged: ${label}`);
  }
  await chip.getByRole('button', { name: 'Actions' }).click();
  await chip.getByRole('menuitem', { name: 'Log touch' }).click();
  await choose(page, chip.getByLabel('Direction'), 'They reached out');
  await chip.getByRole('button', { name: 'Log touch' }).click();
  await expect(chip.locator('[aria-live="polite"]')).toHaveText('Touch logged: LinkedIn message');
  const after = await detail(ext);
  expect(after.touches.map((t: { channel: string; engagement: string | null; direction: string }) => [t.channel, t.engagement, t.direction]).sort()).toEqual([
    ['linkedin_message', null, 'in'],
    ['social_engagement', 'commented', 'out'],
    ['social_engagement', 'liked', 'out'],
    ['social_engagement', 'shared', 'out'],
  ]);
});

for (const lang of ['en', 'id'] as const) {
  test(`screenshots of the chip's menu and Log touch with an engagement chosen (${lang})`, async () => {
    const { context, close } = await launchWithExtension({ lang });
    try {
      await serviceWorker(context);
      const s = strings(lang);
      const page = await clipRizky(context, lang);
      const chip = page.locator('jalur-inline');
      mkdirSync(SHOTS, { recursive: true });
      await chip.getByRole('button', { name: s('chipActions') }).click();
      await expect(chip.getByRole('menuitem', { name: s('logTouch') })).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/chip-menu-${lang}.png` });
      await chip.getByRole('menuitem', { name: s('logTouch') }).click();
      const channel = chip.getByLabel(s('fieldChannel'));
      await expect(channel.locator('option')).toContainText([s('channel_linkedin_message'), s('engagement_liked'), s('engagement_commented'), s('engagement_shared')]);
      await page.screenshot({ path: `${SHOTS}/chip-log-touch-${lang}.png` });
      // A native drop-down never shows in a screenshot: for this one picture only, the select lists its options in place.
      await channel.evaluate((el) => el.setAttribute('size', '12'));
      await page.screenshot({ path: `${SHOTS}/chip-log-touch-options-listed-${lang}.png` });
      await channel.evaluate((el) => el.removeAttribute('size'));
      await choose(page, channel, s('engagement_commented'));
      await expect(chip.getByLabel(s('fieldDirection'))).toHaveCount(0);
      await page.screenshot({ path: `${SHOTS}/chip-log-engagement-${lang}.png` });
      await chip.getByRole('button', { name: s('logTouch') }).click();
      await expect(chip.locator('[aria-live="polite"]')).toHaveText(s('chipTouchLogged', s('engagement_commented')));
    } finally {
      await close();
    }
  });
}
