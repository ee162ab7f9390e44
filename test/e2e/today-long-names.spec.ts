// Long names in the Today queue (Indonesian, where names and labels run long): a row shows the whole
// name, wrapped, with its due time beside it; neither runs under the row's Done and Snooze buttons.
import type { BrowserContext } from '@playwright/test';
import { expect, serviceWorker, test as testInEnglish, testInIndonesian } from './harness';

const test = testInIndonesian;

const LONGEST = 'Raden Ajeng Kusumawardhani Puspitasari Wiryodiningrat';
const PEOPLE = [
  ['raden-ajeng-kusumawardhani', LONGEST, 'PT Nusantara Logistik Berkelanjutan Tbk', -2],
  ['budi-santoso-kopi', 'Budi Santoso', 'Warung Digital', 50],
] as const;

test('a long name in the Today queue wraps whole beside its due time and never runs under the row’s buttons (Indonesian)', async ({ context }) => {
  const sw = await serviceWorker(context);
  const id = new URL(sw.url()).host;
  const seed = await context.newPage();
  await seed.goto(`chrome-extension://${id}/options.html`);
  await seed.evaluate(async (people) => {
    const ask = async (req: unknown) => {
      const r = (await chrome.runtime.sendMessage(req)) as { ok: boolean; data: { prospect: { id: string } }; error?: string };
      if (!r.ok) throw new Error(r.error);
      return r.data;
    };
    for (const [slug, name, company, hours] of people) {
      const input = { slug, email: null, name, headline: null, title: 'Direktur Utama', company, location: 'Jakarta', photoUrl: null, linkedinUrl: null };
      const { prospect } = await ask({ type: 'capture', input });
      await ask({ type: 'addFollowUp', prospectId: prospect.id, title: 'Kirim penawaran', dueAt: Date.now() + hours * 3_600_000 });
    }
  }, PEOPLE);
  await seed.close();

  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(`chrome-extension://${id}/sidepanel.html?view=today`);
  await expect(panel.locator('.today-row')).toHaveCount(PEOPLE.length);
  for (const row of await panel.locator('.today-row').all()) {
    const geometry = await row.evaluate((r) => {
      const box = (sel: string) => r.querySelector(sel)!.getBoundingClientRect();
      const name = r.querySelector<HTMLElement>('.name')!;
      const [n, when, actions, open] = [box('.name'), box('.when'), box('.today-actions'), box('.today-open')];
      const apart = (a: DOMRect, b: DOMRect) => a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
      return {
        name: name.textContent,
        whole: name.scrollWidth <= name.clientWidth + 1 && name.scrollHeight <= name.clientHeight + 1,
        nameClearOfButtons: apart(n, actions),
        whenClearOfButtons: apart(when, actions),
        nameClearOfWhen: apart(n, when),
        inside: n.right <= open.right + 0.5 && when.right <= open.right + 0.5,
      };
    });
    expect(geometry).toEqual({ name: geometry.name, whole: true, nameClearOfButtons: true, whenClearOfButtons: true, nameClearOfWhen: true, inside: true });
  }
});

/** The key hints above the queue break between hints, never between a key and what it does. */
async function keyHintsStayWhole({ context, extensionId }: { context: BrowserContext; extensionId: string }) {
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?view=today`);
  const hints = panel.locator('#today-keys .key-hint');
  await expect(hints).toHaveCount(6);
  // A wrapped inline element has one box per line it spans.
  const lines = await hints.evaluateAll((els) => els.map((e) => ({ text: e.textContent, boxes: e.getClientRects().length })));
  expect(lines.filter((l) => l.boxes !== 1)).toEqual([]);
  // The hints still wrap as a paragraph at this width: more than one line in all.
  const tops = new Set(await hints.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top))));
  expect(tops.size).toBeGreaterThan(1);
}

test('the key hints above the queue keep each key with what it does (Indonesian, 420 px)', keyHintsStayWhole);
testInEnglish('the key hints above the queue keep each key with what it does (English, 420 px; "w" was left at a line’s end)', keyHintsStayWhole);
