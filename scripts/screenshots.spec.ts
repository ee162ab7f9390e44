// The README's pictures: the chip on a LinkedIn profile, the person view, Today, the board and insights,
// from invented people (test/fixtures), in English, light mode, at real sizes. Run: `npm run screenshots`.
import { mkdirSync } from 'node:fs';
import { test } from '@playwright/test';
import { expect, fixture, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, tabIdOf } from '../test/e2e/harness';

const OUT = 'docs/screenshots';
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const PANEL = { width: 420, height: 900 };
const TAB = { width: 1280, height: 900 };

/** A small, plausible pipeline: people across the stages, deal values, follow-ups due and overdue, touches. */
const PEOPLE: Array<{ slug: string; name: string; title: string; company: string; stage: string; value?: number; due?: [string, number]; touches?: number }> = [
  { slug: 'rizky-pratama-5e6f7a', name: 'Rizky Pratama', title: 'Director of Sales', company: 'Kopi Kenangan Digital', stage: 'consideration', value: 42_000, due: ['Send the proposal', -2], touches: 4 },
  { slug: 'ayu-lestari-0c9d8e', name: 'Ayu Lestari', title: 'Procurement Manager', company: 'Samudra Freight', stage: 'qualification', value: 18_000, due: ['Call about the pilot', 0.2], touches: 2 },
  { slug: 'budi-santoso-11aa22', name: 'Budi Santoso', title: 'Head of Operations', company: 'Nusantara Retail', stage: 'prospecting', due: ['Connect on LinkedIn', 1], touches: 1 },
  { slug: 'sari-wijaya-33bb44', name: 'Sari Wijaya', title: 'VP Finance', company: 'Bumi Energi', stage: 'decision', value: 65_000, due: ['Confirm the contract terms', -1], touches: 6 },
  { slug: 'dewi-anggraini-55cc66', name: 'Dewi Anggraini', title: 'Founder', company: 'Rasa Nusantara', stage: 'prospecting', due: ['Share the case study', 3] },
  { slug: 'agus-hidayat-77dd88', name: 'Agus Hidayat', title: 'IT Manager', company: 'Garuda Logistik', stage: 'qualification', value: 12_000, touches: 3 },
  { slug: 'putri-maharani-99ee00', name: 'Putri Maharani', title: 'Chief Marketing Officer', company: 'Batik Modern', stage: 'delivery', value: 30_000, touches: 8 },
  { slug: 'eko-prasetyo-aa11bb', name: 'Eko Prasetyo', title: 'Operations Lead', company: 'Kapal Cepat', stage: 'lost', value: 9_000, touches: 5 },
];

test('README screenshots', async () => {
  mkdirSync(OUT, { recursive: true });
  const { context, close } = await launchWithExtension({ lang: 'en' });
  try {
    const sw = await serviceWorker(context);
    const extensionId = new URL(sw.url()).host;
    await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, fixture('linkedin-spa/shell.html'));
    const seedPage = await openExtensionPage(context, extensionId, 'options.html');
    await seedPage.evaluate(async (people) => {
      const ask = async (req: unknown) => {
        const r = (await chrome.runtime.sendMessage(req)) as { ok: boolean; data: any; error?: string };
        if (!r.ok) throw new Error(`${JSON.stringify(req).slice(0, 80)}: ${r.error}`);
        return r.data;
      };
      const day = 86_400_000;
      for (const p of people) {
        const { prospect } = await ask({
          type: 'capture',
          input: { slug: p.slug, email: null, name: p.name, headline: `${p.title} at ${p.company}`, title: p.title, company: p.company, location: 'Jakarta, Indonesia', photoUrl: null, linkedinUrl: null },
        });
        if (p.value) await ask({ type: 'update', id: prospect.id, patch: { dealValue: p.value, currency: 'USD' } });
        for (let i = 0; i < (p.touches ?? 0); i++)
          await ask({ type: 'logTouch', prospectId: prospect.id, channel: i % 2 ? 'email' : 'linkedin_message', direction: i % 3 ? 'out' : 'in', note: null, occurredAt: Date.now() - (i + 1) * 2 * day });
        if (p.stage !== 'prospecting') await ask({ type: 'setStage', prospectId: prospect.id, stageKey: p.stage, confirmed: true, ...(p.stage === 'lost' ? { lostReason: 'Chose a competitor' } : {}) });
        if (p.due) await ask({ type: 'addFollowUp', prospectId: prospect.id, title: p.due[0], dueAt: Date.now() + p.due[1] * day });
      }
    }, PEOPLE);
    await seedPage.close();

    // The chip, beside the name on a LinkedIn profile.
    const profile = await context.newPage();
    await profile.setViewportSize(TAB);
    await profile.goto(RIZKY);
    const chip = profile.locator('jalur-inline [data-stage="consideration"]');
    await expect(chip).toBeVisible();
    const card = profile.locator('h1').locator('xpath=ancestor::section[1]');
    await ((await card.count()) ? card.first() : profile.locator('main')).screenshot({ path: `${OUT}/chip.png` });

    const tabId = await tabIdOf(sw, RIZKY);
    const shots: Array<[string, string, { width: number; height: number }, (p: import('@playwright/test').Page) => Promise<void>]> = [
      ['person', `sidepanel.html?tabId=${tabId}`, PANEL, (p) => expect(p.getByText('Rizky Pratama').first()).toBeVisible()],
      ['today', 'sidepanel.html?view=today', PANEL, (p) => expect(p.getByRole('listitem').first()).toBeVisible()],
      ['board', 'sidepanel.html?view=board', TAB, (p) => expect(p.getByText('Sari Wijaya').first()).toBeVisible()],
      ['insights', 'sidepanel.html?view=insights', TAB, (p) => expect(p.locator('.charts')).toBeVisible()],
    ];
    for (const [name, path, size, ready] of shots) {
      const page = await context.newPage();
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      await ready(page);
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: `${OUT}/${name}.png` });
      await page.close();
    }
  } finally {
    await close();
  }
});
