// The board paints its preview from what the background kept in IndexedDB, before the background
// answers — only while it is certainly current. The init script records the very first frame (at the
// ready mark, before the board reconciles with the background's answer).
import type { BrowserContext } from '@playwright/test';
import { keptIsCurrent, openFirstFrame } from './first-screen';
import { expect, openExtensionPage, test } from './harness';

interface FirstFrame {
  stored: boolean;
  counts: Record<string, number>;
  cards: string[];
  focused: boolean;
}

/** Opens the board view and returns what its first frame showed (recorded the moment the ready mark is set). */
function openBoard(context: BrowserContext, extensionId: string): Promise<FirstFrame> {
  return openFirstFrame<FirstFrame>(context, extensionId, 'sidepanel.html?view=board', () => {
    const mark = performance.mark.bind(performance);
    performance.mark = ((name: string, options?: PerformanceMarkOptions) => {
      if (name === 'jalur:board-interactive') {
        const first = document.querySelector<HTMLElement>('.card-open');
        first?.focus();
        const counts: Record<string, number> = {};
        for (const col of document.querySelectorAll<HTMLElement>('.board-col'))
          counts[col.dataset.stage ?? '?'] = Number(col.querySelector('.count')?.textContent ?? 0);
        (window as unknown as { __firstFrame: FirstFrame }).__firstFrame = {
          stored: performance.getEntriesByName('jalur:first-screen-stored').length > 0,
          counts,
          cards: [...document.querySelectorAll('[data-card]')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()),
          focused: !!first && document.activeElement === first,
        };
      }
      return mark(name, options);
    }) as typeof performance.mark;
  });
}

const total = (f: FirstFrame) => Object.values(f.counts).reduce((a, b) => a + b, 0);

test('the board opens on its kept preview while it is current, and never on one kept before a card moved', async ({
  context,
  sw,
  extensionId,
}) => {
  test.setTimeout(120_000);
  const page = await openExtensionPage(context, extensionId, 'popup.html');
  const ids = await page.evaluate(async () => {
    const ask = async (req: unknown) => {
      const r = (await chrome.runtime.sendMessage(req)) as { ok: boolean; data: any; error?: string };
      if (!r.ok) throw new Error(r.error);
      return r.data;
    };
    const out: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const { prospect } = await ask({
        type: 'capture',
        input: {
          slug: `board-kept-${i}`,
          email: null,
          name: `Board Kept ${i}`,
          headline: null,
          title: null,
          company: null,
          location: null,
          photoUrl: null,
          linkedinUrl: null,
        },
      });
      out.push(prospect.id);
    }
    return out;
  });
  await page.close();

  await openBoard(context, extensionId);
  await expect.poll(() => keptIsCurrent(sw, 'first:board'), { timeout: 15_000 }).toBe(true);
  const kept = await openBoard(context, extensionId);
  expect(kept.stored).toBe(true);
  expect(total(kept)).toBe(3);
  expect(kept.counts.prospecting).toBe(3);
  expect(kept.cards.filter((c) => c.includes('Board Kept'))).toHaveLength(3);
  expect(kept.focused).toBe(true);
  const before = JSON.stringify(kept.counts);

  // A card moved: the preview kept before is never painted.
  const move = await openExtensionPage(context, extensionId, 'popup.html');
  await move.evaluate(async (id) => {
    const r = (await chrome.runtime.sendMessage({ type: 'setStage', prospectId: id, stageKey: 'qualification', confirmed: true })) as {
      ok: boolean;
      error?: string;
    };
    if (!r.ok) throw new Error(r.error);
  }, ids[0]!);
  await move.close();
  const after = await openBoard(context, extensionId);
  expect(total(after)).toBe(3);
  expect(JSON.stringify(after.counts)).not.toBe(before);
  expect(after.counts.qualification).toBe(1);
  expect(after.counts.prospecting).toBe(2);
  expect(after.focused).toBe(true);
});
