import type { Page } from '@playwright/test';
import { badgeText, expect, fixture, openExtensionPage, serveLinkedIn, tabIdOf, test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
});

interface Seeded {
  overdue: number;
  cadenceSteps: number;
  upcoming: number;
}

/**
 * A rep's backlog, made through the background as the UI makes it: 30 follow-ups already missed
 * (from 1 to 30 hours ago), 12 people enrolled in the default cadence just now (step 1 due today),
 * 2 follow-ups later this week.
 */
async function seedBacklog(page: Page): Promise<Seeded> {
  return page.evaluate(async () => {
    const ask = async (req: unknown) => {
      const r = (await chrome.runtime.sendMessage(req)) as { ok: boolean; data: any; error?: string };
      if (!r.ok) throw new Error(r.error);
      return r.data;
    };
    const person = async (i: number) =>
      (
        await ask({
          type: 'capture',
          input: {
            slug: `seed-person-${i}`,
            email: null,
            name: `Seed Person ${String(i).padStart(2, '0')}`,
            headline: null,
            title: 'Head of Sales',
            company: `Perusahaan ${i}`,
            location: 'Jakarta',
            photoUrl: null,
            linkedinUrl: null,
          },
        })
      ).prospect.id as string;
    const now = Date.now();
    for (let i = 0; i < 30; i++)
      await ask({ type: 'addFollowUp', prospectId: await person(i), title: `Send the proposal #${i}`, dueAt: now - (30 - i) * 3_600_000 });
    const { cadences } = await ask({ type: 'cadences' });
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (let i = 30; i < 42; i++) await ask({ type: 'enrol', prospectId: await person(i), cadenceId: cadences[0].id, timeZone });
    for (let i = 42; i < 44; i++)
      await ask({ type: 'addFollowUp', prospectId: await person(i), title: `Check in #${i}`, dueAt: now + 3 * 86_400_000 });
    return { overdue: 30, cadenceSteps: 12, upcoming: 2 };
  });
}

const group = (panel: Page, name: string) => panel.getByRole('region', { name, exact: true });

/** Which row holds the focus, and what the work-through pane shows. */
async function focused(panel: Page): Promise<{ row: string | null; name: string | null; skip: boolean }> {
  return panel.evaluate(() => {
    const row = document.activeElement?.closest<HTMLElement>('[data-row]');
    return {
      row: row?.dataset.row ?? null,
      name: row?.querySelector('.name')?.textContent ?? null,
      skip: !!row && [...row.querySelectorAll('button')].some((b) => b.textContent === 'Skip'),
    };
  });
}

test('Today: grouped queue whose Overdue count is the badge; 40 items cleared with the keyboard alone, working through', async ({
  context,
  sw,
  extensionId,
}) => {
  // 44 items seeded and 40 worked one keystroke at a time, each confirmed: long on a busy machine.
  test.setTimeout(300_000);
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html?view=today');
  await panel.setViewportSize({ width: 420, height: 900 });
  const seeded = await seedBacklog(panel);
  // Enrolling made nothing overdue: the badge counts only the missed follow-ups.
  await expect.poll(() => badgeText(sw), { timeout: 2_000 }).toBe(String(seeded.overdue));

  await expect(panel.getByRole('tab', { name: 'Today', exact: true })).toHaveAttribute('aria-selected', 'true');
  for (const name of ['Overdue', 'Today', 'Upcoming']) await expect(panel.getByRole('heading', { name, exact: true })).toBeVisible();
  await expect(group(panel, 'Overdue').getByRole('listitem')).toHaveCount(seeded.overdue);
  await expect(group(panel, 'Today').getByRole('listitem')).toHaveCount(seeded.cadenceSteps);
  await expect(group(panel, 'Upcoming').getByRole('listitem')).toHaveCount(seeded.upcoming);
  expect(String(await group(panel, 'Overdue').getByRole('listitem').count())).toBe(await badgeText(sw));
  await expect(group(panel, 'Overdue').locator('.count')).toHaveText(String(seeded.overdue));

  // A row: person, company, stage, the step (cadence and n/m, or the follow-up's text), channel, due time.
  const oldest = group(panel, 'Overdue').getByRole('listitem').first();
  await expect(oldest).toContainText('Seed Person 00');
  await expect(oldest).toContainText('Perusahaan 0 · Prospecting');
  await expect(oldest).toContainText('Send the proposal #0');
  await expect(oldest).toContainText('30 hours ago');
  await expect(oldest.getByRole('button', { name: 'Done' })).toBeVisible();
  await expect(oldest.getByRole('button', { name: 'Snooze' })).toBeVisible();
  await expect(oldest.getByRole('button', { name: 'Skip' })).toHaveCount(0);
  const step = group(panel, 'Today').getByRole('listitem').first();
  await expect(step).toContainText('Default: 8 touches in 21 days · step 1 of 8');
  await expect(step).toContainText('Connection request');
  await expect(step).toContainText('today');
  await expect(step.getByRole('button', { name: 'Skip' })).toBeVisible();
  // The keys are written in the view.
  await expect(panel.locator('.keys')).toContainText('d Done');

  // Keyboard only from here. From the panel's first Tab stop to the first row.
  await panel.locator('body').focus();
  let tabs = 0;
  while ((await focused(panel)).row === null && tabs < 10) {
    await panel.keyboard.press('Tab');
    tabs++;
  }
  expect(tabs).toBeLessThanOrEqual(4);
  expect((await focused(panel)).name).toBe('Seed Person 00');

  // Work through: the focused row's person opens below the queue.
  await panel.keyboard.press('w');
  const pane = panel.getByRole('region', { name: 'Person being worked' });
  await expect(pane.locator('article.detail h2')).toHaveText('Seed Person 00');

  let done = 0;
  let skipped = 0;
  let snoozed = 0;
  for (let i = 0; i < 40; i++) {
    const before = await focused(panel);
    expect(before.row, `item ${i} has the focus`).not.toBeNull();
    if (i % 10 === 3) {
      await panel.keyboard.press('s');
      await expect(panel.getByRole('menu')).toBeVisible();
      await panel.keyboard.press(i % 20 === 3 ? '1' : '2'); // 1 hour, or tomorrow 9:00
      snoozed++;
    } else if (before.skip && i % 2 === 0) {
      await panel.keyboard.press('x');
      skipped++;
    } else {
      await panel.keyboard.press('d');
      done++;
    }
    // Focus moves on to the next item, and in work-through mode its person opens.
    await expect.poll(async () => (await focused(panel)).row).not.toBe(before.row);
    const now = await focused(panel);
    await expect(pane.locator('article.detail h2')).toHaveText(now.name!);
  }
  expect(done + skipped + snoozed).toBe(40);
  expect(skipped).toBeGreaterThan(0);
  await expect.poll(() => badgeText(sw), { timeout: 2_000 }).toBe('');
  await expect(group(panel, 'Overdue').getByRole('listitem')).toHaveCount(0);
  await expect(group(panel, 'Overdue')).toContainText('Nothing overdue.');
  // Cadence steps done or skipped scheduled their next step, which waits under Upcoming.
  await expect(group(panel, 'Upcoming').getByRole('listitem').filter({ hasText: 'step 2 of 8' }).first()).toBeVisible();
  // Done on a cadence step logged its touch.
  const touched = await panel.evaluate(async () => {
    // Search answers result lines only; each person's record (with its touch count) opens by id.
    const r = (await chrome.runtime.sendMessage({ type: 'search', query: 'Seed Person 3', limit: 20 })) as {
      data: { items: Array<{ id: string }> };
    };
    let n = 0;
    for (const { id } of r.data.items) {
      const d = (await chrome.runtime.sendMessage({ type: 'detail', id })) as { data: { prospect: { touchCount: number } } | null };
      n += d.data?.prospect.touchCount ?? 0;
    }
    return n;
  });
  expect(touched).toBeGreaterThan(0);
});

test('the popup’s Due now lists the queue’s first items in the same order and says how many more', async ({ context, sw, extensionId }) => {
  test.setTimeout(180_000);
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html?view=today');
  await seedBacklog(panel);
  await expect(group(panel, 'Overdue').getByRole('listitem')).toHaveCount(30);
  const firstInToday = await panel.locator('.today-row .name').evaluateAll((els) => els.slice(0, 5).map((e) => e.textContent));

  const popup = await openExtensionPage(context, extensionId, 'popup.html');
  const due = popup.getByRole('region', { name: 'Due now' });
  await expect(due.getByRole('listitem')).toHaveCount(5);
  expect(await due.locator('li .name').allTextContents()).toEqual(firstInToday);
  // 30 overdue and 12 steps due today: 5 shown, 37 more.
  await expect(due.getByRole('button', { name: 'and 37 more in Today' })).toBeVisible();

  // Each name opens that person in the side panel: Chrome opens the panel (Playwright cannot see
  // into it), which takes the request to show that person.
  const first = await panel.evaluate(async () => {
    const r = (await chrome.runtime.sendMessage({ type: 'search', query: 'Seed Person 00', limit: 1 })) as {
      data: { items: Array<{ id: string }> };
    };
    return r.data.items[0]!.id;
  });
  await due.getByRole('button', { name: /^Seed Person 00:/ }).click();
  const panels = () =>
    sw.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.SIDE_PANEL] })).length);
  await expect.poll(panels).toBe(1);
  await expect.poll(() => sw.evaluate(async () => Object.keys(await chrome.storage.session.get('jalur:panel-open')).length)).toBe(0);
  // Where Chrome refuses to open the panel, the same view opens as a tab: it shows that person.
  const tab = await openExtensionPage(context, extensionId, `sidepanel.html?person=${first}`);
  await expect(tab.locator('article.detail h2')).toHaveText('Seed Person 00');
  await tab.getByRole('button', { name: /Back to Today/ }).click();
  await expect(tab.getByRole('heading', { name: 'Overdue', exact: true })).toBeVisible();
});

test('the side panel leads with the person on a LinkedIn profile, above the fold, views a keystroke away; Today when the tab shows no one', async ({
  context,
  sw,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(RIZKY);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(page.locator('jalur-inline [data-stage]')).toBeVisible();
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  await panel.setViewportSize({ width: 420, height: 900 });
  await expect(panel.locator('article.detail h2')).toHaveText('Rizky Pratama');
  await expect(panel.getByRole('tab', { name: 'Person', exact: true })).toHaveAttribute('aria-selected', 'true');
  // The search box is there, but lists nothing until something is typed.
  await expect(panel.getByRole('searchbox', { name: 'Search prospects' })).toBeVisible();
  await expect(panel.locator('.results li')).toHaveCount(0);
  for (const el of [panel.locator('article.detail h2'), panel.getByLabel('Stage'), panel.getByLabel('Follow-up')]) {
    const box = (await el.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(900);
  }

  // Tab presses from panel open: 1 → views toolbar, 2 → search, 3 → the person's record.
  await panel.locator('body').focus();
  await panel.keyboard.press('Tab');
  await expect(panel.getByRole('tab', { name: 'Person', exact: true })).toBeFocused();
  await panel.keyboard.press('Tab');
  await expect(panel.getByRole('searchbox', { name: 'Search prospects' })).toBeFocused();
  await panel.keyboard.press('Tab');
  expect(await panel.evaluate(() => !!document.activeElement?.closest('article.detail'))).toBe(true);

  // Alt+2 opens Today, Alt+3 the board, Alt+1 back to the person; arrows move along the toolbar.
  await panel.keyboard.press('Alt+2');
  await expect(panel.getByRole('heading', { name: 'Overdue', exact: true })).toBeVisible();
  await panel.keyboard.press('Alt+3');
  await expect(panel.getByRole('region', { name: 'Pipeline board' })).toBeVisible();
  await panel.keyboard.press('Alt+1');
  await expect(panel.locator('article.detail h2')).toHaveText('Rizky Pratama');
  await panel.getByRole('tab', { name: 'Person', exact: true }).focus();
  await panel.keyboard.press('ArrowRight');
  await expect(panel.getByRole('tab', { name: 'Today', exact: true })).toBeFocused();
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('tab', { name: 'Today', exact: true })).toHaveAttribute('aria-selected', 'true');

  // A tab with nobody on it: the panel opens on Today.
  const blank = await openExtensionPage(context, extensionId, 'sidepanel.html?view=board');
  await blank.bringToFront();
  const other = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await expect(other.getByRole('tab', { name: 'Today', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(other.getByRole('heading', { name: 'Overdue', exact: true })).toBeVisible();
});

test('enrolling makes step 1 due today: nothing turns red, the badge does not move', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto(RIZKY);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(page.locator('jalur-inline [data-stage]')).toBeVisible();
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  await panel.getByLabel('Cadence').selectOption({ label: 'Default: 8 touches in 21 days' });
  await panel.getByRole('button', { name: 'Enrol' }).click();
  await expect(panel.locator('section.cadence')).toContainText('Step 1 of 8');
  const step = panel.locator('.follow-ups li', { hasText: 'Connect with a personal note' });
  await expect(step).toBeVisible();
  await expect(step).not.toHaveClass(/overdue/);
  await expect(page.locator('jalur-inline .next.overdue')).toHaveCount(0);
  expect(await badgeText(sw)).toBe('');
  const dueAt = await panel.evaluate(async () => {
    const r = (await chrome.runtime.sendMessage({ type: 'today', until: Date.now() + 86_400_000 })) as {
      data: { items: Array<{ dueAt: number }> };
    };
    return r.data.items[0]!.dueAt;
  });
  // By the end of the rep's day: 23:59 local.
  const local = new Date(dueAt);
  expect([local.getHours(), local.getMinutes()]).toEqual([23, 59]);
  expect(dueAt - Date.now()).toBeLessThan(DAY);
});
