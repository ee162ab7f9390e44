// The side panel paints Today's first page from what the background kept in IndexedDB, before the
// background answers — but only while it is certainly current. What the panel shows in its very first
// frame (at the ready mark, before it reconciles with the background's answer) is recorded by an init
// script, so a stale first screen shown for an instant would be caught.
import type { BrowserContext } from '@playwright/test';
import { keptIsCurrent, openFirstFrame } from './first-screen';
import { badgeText, expect, openExtensionPage, test } from './harness';

const HOUR = 3_600_000;

interface FirstFrame {
  stored: boolean;
  rows: string[];
  overdue: number;
  focused: boolean;
}

/** Opens the today view and returns what its first frame showed (recorded the moment the ready mark is set). */
function openToday(context: BrowserContext, extensionId: string): Promise<FirstFrame> {
  return openFirstFrame<FirstFrame>(context, extensionId, 'sidepanel.html?view=today', () => {
    const mark = performance.mark.bind(performance);
    performance.mark = ((name: string, options?: PerformanceMarkOptions) => {
      if (name === 'jalur:today-interactive') {
        const overdue = [...document.querySelectorAll('.group-head')].find((h) => /Overdue/.test(h.textContent ?? ''));
        const first = document.querySelector<HTMLElement>('.today-open');
        first?.focus();
        (window as unknown as { __firstFrame: FirstFrame }).__firstFrame = {
          stored: performance.getEntriesByName('jalur:first-screen-stored').length > 0,
          rows: [...document.querySelectorAll('.today-row')].map((r) => (r.textContent ?? '').replace(/\s+/g, ' ').trim()),
          overdue: Number(overdue?.querySelector('.count')?.textContent ?? 0),
          focused: !!first && document.activeElement === first,
        };
      }
      return mark(name, options);
    }) as typeof performance.mark;
  });
}

test('Today opens on its kept first page while it is current, and never on one made before a follow-up was done or a stage renamed', async ({
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
    const now = Date.now();
    for (const [i, dueIn] of [
      [1, -3],
      [2, -2],
      [3, 30],
    ] as const) {
      const { prospect } = await ask({
        type: 'capture',
        input: {
          slug: `kept-${i}`,
          email: null,
          name: `Kept Person ${i}`,
          headline: null,
          title: null,
          company: `Firma ${i}`,
          location: null,
          photoUrl: null,
          linkedinUrl: null,
        },
      });
      const f = await ask({ type: 'addFollowUp', prospectId: prospect.id, title: `Call #${i}`, dueAt: now + dueIn * 3_600_000 });
      out.push(f.followUp.id);
    }
    return out;
  });
  expect(ids).toHaveLength(3);
  await page.close();

  // Once the background has kept the page (a moment after the last change, or when a panel asked)…
  await openToday(context, extensionId);
  await expect.poll(() => keptIsCurrent(sw, 'first:today'), { timeout: 15_000 }).toBe(true);
  // …the panel paints it before the background answers: the whole first frame, focusable, counted as the badge.
  const kept = await openToday(context, extensionId);
  expect(kept.stored).toBe(true);
  expect(kept.rows.map((r) => r.match(/Kept Person \d/)?.[0])).toEqual(['Kept Person 1', 'Kept Person 2', 'Kept Person 3']);
  expect(kept.focused).toBe(true);
  expect(String(kept.overdue)).toBe(await badgeText(sw));

  // A follow-up done: the page kept before it is not shown, not even for one frame.
  const done = await openExtensionPage(context, extensionId, 'popup.html');
  await done.evaluate(async (id) => {
    const r = (await chrome.runtime.sendMessage({ type: 'completeFollowUp', id })) as { ok: boolean; error?: string };
    if (!r.ok) throw new Error(r.error);
  }, ids[0]!);
  await done.close();
  expect(await keptIsCurrent(sw, 'first:today')).toBe(false);
  const afterDone = await openToday(context, extensionId);
  expect(afterDone.rows.some((r) => r.includes('Kept Person 1'))).toBe(false);
  expect(afterDone.overdue).toBe(1);
  await expect.poll(() => badgeText(sw)).toBe('1');

  // A stage renamed (the rows say each person's stage): the old name is never painted.
  await expect.poll(() => keptIsCurrent(sw, 'first:today'), { timeout: 15_000 }).toBe(true);
  const rename = await openExtensionPage(context, extensionId, 'popup.html');
  await rename.evaluate(async () => {
    const { stages } = (
      (await chrome.runtime.sendMessage({ type: 'stages' })) as {
        data: { stages: { id: string; key: string; probability: number; staleDays: number | null }[] };
      }
    ).data;
    const s = stages.find((x) => x.key === 'prospecting')!;
    const r = (await chrome.runtime.sendMessage({
      type: 'saveStage',
      stage: { id: s.id, name: 'Sourcing', probability: s.probability, staleDays: s.staleDays },
    })) as { ok: boolean; error?: string };
    if (!r.ok) throw new Error(r.error);
  });
  await rename.close();
  const afterRename = await openToday(context, extensionId);
  expect(afterRename.rows.length).toBe(2);
  expect(afterRename.rows.every((r) => r.includes('Sourcing'))).toBe(true);
  expect(afterRename.focused).toBe(true);
});
