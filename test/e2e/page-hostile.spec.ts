import { resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, fixture, launchWithExtension, serveLinkedIn, test } from './harness';
import { mailSpa } from './mail-spa';

// The page Jalur runs on is not on Jalur's side: LinkedIn's, Gmail's and Outlook's own scripts (or an
// injected ad) share the DOM with our chips. `page.evaluate` runs in the page's main world, so it is
// exactly what such a script can do. Most of these tests load the SHIPPED build (closed shadow roots);
// one loads the open-roots test build to show the trusted-input guard holds even where the page can
// reach the chip's buttons.
const SHIPPED_DIR = resolve(process.env.JALUR_SHIPPED_EXTENSION_DIR ?? '.output/chrome-mv3');

const shipped = test.extend({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, close } = await launchWithExtension({ extensionDir: SHIPPED_DIR });
    await use(context);
    await close();
  },
});

const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const GMAIL = 'https://mail.google.com/mail/u/0/';
const THREAD = `${GMAIL}#inbox/FMfcgzQXJWbdTqLmNpRsVwXyZbCdFgHk`;
const ANITA = 'anita.wirawan@lautbiru-logistik.example';

async function serveSites(context: BrowserContext) {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, fixture('linkedin-spa/shell.html'));
  const app = mailSpa({
    '/mail/u/0/#inbox': 'gmail/inbox-list.html',
    '/mail/u/0/#inbox/FMfcgzQXJWbdTqLmNpRsVwXyZbCdFgHk': 'gmail/thread-2024.html',
  });
  await serveLinkedIn(context, /^https:\/\/mail\.google\.com\//, app);
}

/** Live prospects' names, straight from the extension's IndexedDB. */
async function prospectNames(sw: Worker): Promise<string[]> {
  return sw.evaluate(async () => {
    const open = indexedDB.open('jalur');
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const req = db.transaction('prospects').objectStore('prospects').getAll();
    const rows: Array<{ name: string; deletedAt: number | null }> = await new Promise((r) => (req.onsuccess = () => r(req.result)));
    db.close();
    return rows
      .filter((p) => p.deletedAt === null)
      .map((p) => p.name)
      .sort();
  });
}

/**
 * What the user sees and assistive technology reads (the browser's accessibility tree, which does
 * include closed shadow roots): "role:name", with "(disabled)" for disabled controls.
 */
async function axNodes(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: Array<{
      ignored?: boolean;
      role?: { value?: string };
      name?: { value?: string };
      properties?: Array<{ name: string; value: { value?: unknown } }>;
    }>;
  };
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored && n.name?.value)
    .map((n) => {
      const disabled = n.properties?.some((p) => p.name === 'disabled' && p.value.value === true);
      return `${n.role?.value}:${n.name?.value}${disabled ? ' (disabled)' : ''}`;
    });
}

/** A real user's click (trusted input through the browser) at the middle of the element. */
async function userClick(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Everything a page script can read of Jalur's elements, and of the whole document, from the main world. */
async function pageView(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const hosts = [...document.querySelectorAll<HTMLElement>(sel)];
    return {
      count: hosts.length,
      shadowRoots: hosts.map((h) => h.shadowRoot === null),
      attributes: hosts.map((h) => h.getAttributeNames().sort()),
      text: hosts.map((h) => h.textContent ?? ''),
      html: hosts.map((h) => h.outerHTML).join('\n'),
      innerText: hosts.map((h) => h.innerText),
      document: document.documentElement.outerHTML,
      documentText: document.body.innerText,
    };
  }, selector);
}

/** Every way a page script can try to press a button it cannot see: on the host and whatever is at the chip's spot. */
async function pagePokes(page: Page, selector: string) {
  await page.evaluate((sel) => {
    const host = document.querySelector<HTMLElement>(sel)!;
    const r = host.getBoundingClientRect();
    const at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) as HTMLElement;
    for (const target of [host, at]) {
      target.click();
      const init = { bubbles: true, composed: true, cancelable: true, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2 };
      target.dispatchEvent(new PointerEvent('pointerdown', init));
      target.dispatchEvent(new MouseEvent('mousedown', init));
      target.dispatchEvent(new PointerEvent('pointerup', init));
      target.dispatchEvent(new MouseEvent('mouseup', init));
      target.dispatchEvent(new MouseEvent('click', init));
      target.focus();
      for (const key of ['Enter', ' ']) {
        target.dispatchEvent(new KeyboardEvent('keydown', { key, code: key === ' ' ? 'Space' : key, bubbles: true, composed: true }));
        target.dispatchEvent(new KeyboardEvent('keyup', { key, code: key === ' ' ? 'Space' : key, bubbles: true, composed: true }));
      }
    }
  }, selector);
}

shipped.beforeEach(async ({ context }) => {
  await serveSites(context);
});

shipped('a LinkedIn page script can neither read the chip nor clip with it; a real click still clips', async ({ context, sw }) => {
  const page = await context.newPage();
  await page.goto(RIZKY);
  const host = 'jalur-inline[data-slug="rizky-pratama-5e6f7a"]';
  await expect(page.locator(host)).toHaveCount(1);
  await expect.poll(() => axNodes(page)).toContain('button:Add to pipeline');

  const before = await pageView(page, 'jalur-inline');
  expect(before.shadowRoots).toEqual([true]);
  expect(before.attributes).toEqual([['data-slug']]);
  expect(before.text).toEqual(['']);
  expect(before.html).not.toMatch(/Add to pipeline|button/);

  await pagePokes(page, host);
  // The chip shows its busy state the moment a press starts a clip; it never did.
  expect(await axNodes(page)).toContain('button:Add to pipeline');
  expect(await prospectNames(sw)).toEqual([]);

  await userClick(page, host);
  await expect.poll(() => prospectNames(sw)).toEqual(['Rizky Pratama']);
  await expect.poll(() => axNodes(page)).toContain('StaticText:Prospecting');

  // Tracked now: stage, score and follow-up stay inside the closed root.
  const after = await pageView(page, 'jalur-inline');
  expect(after.shadowRoots).toEqual([true]);
  expect(after.attributes).toEqual([['data-slug']]);
  expect(after.text).toEqual(['']);
  expect(after.innerText).toEqual(['']);
  for (const leak of [/Prospecting/, /Score/, /prospecting/, /data-stage/]) {
    expect(after.html).not.toMatch(leak);
    expect(after.document).not.toMatch(leak);
    expect(after.documentText).not.toMatch(leak);
  }
});

shipped('a Gmail page script cannot read the inbox markers: no name, score or stage outside the closed root', async ({ context, sw }) => {
  const page = await context.newPage();
  await page.goto(THREAD);
  const chip = `jalur-inline[data-email="${ANITA}"]`;
  await expect(page.locator(chip)).toHaveCount(1);
  await expect.poll(() => axNodes(page)).toContain('button:Add to pipeline');
  await pagePokes(page, chip);
  expect(await prospectNames(sw)).toEqual([]);
  await userClick(page, chip);
  await expect.poll(() => prospectNames(sw)).toEqual(['Anita Wirawan']);

  await page.evaluate(() => (location.hash = '#inbox'));
  await expect(page.locator('jalur-mark')).toHaveCount(1);
  await expect.poll(() => axNodes(page)).toContain('StaticText:Prospecting');
  const view = await pageView(page, 'jalur-mark');
  expect(view.shadowRoots).toEqual([true]);
  expect(view.attributes).toEqual([['data-email']]);
  expect(view.text).toEqual(['']);
  for (const leak of [/Prospecting/, /Score/, /prospecting/, /title=/]) expect(view.html).not.toMatch(leak);
  for (const leak of [/Prospecting/, /Score \d/, /data-stage/]) {
    expect(view.document).not.toMatch(leak);
    expect(view.documentText).not.toMatch(leak);
  }
});

// Where a page CAN reach the chip's button (the open-roots test build), it still cannot press it:
// only trusted input reaches the chip.
test('with open roots, a page script reaching the button cannot clip; a real click can', async ({ context, sw }) => {
  await serveSites(context);
  const page = await context.newPage();
  await page.goto(RIZKY);
  const chip = page.locator('jalur-inline');
  const add = chip.getByRole('button', { name: 'Add to pipeline' });
  await expect(add).toBeEnabled();
  const reached = await page.evaluate(() => {
    const button = document.querySelector('jalur-inline')?.shadowRoot?.querySelector('button');
    if (!button) return false;
    button.click();
    const init = { bubbles: true, composed: true, cancelable: true };
    button.dispatchEvent(new PointerEvent('pointerdown', init));
    button.dispatchEvent(new MouseEvent('click', init));
    button.focus();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ...init }));
    button.dispatchEvent(new KeyboardEvent('keyup', { key: ' ', code: 'Space', ...init }));
    button.closest('form')?.requestSubmit();
    return true;
  });
  expect(reached).toBe(true);
  // The click handler renders the busy (disabled) state synchronously: it never ran.
  await expect(add).toBeEnabled();
  expect(await prospectNames(sw)).toEqual([]);
  // Keyboard users are real users: Enter on the focused button clips.
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(chip.locator('[data-stage="prospecting"]')).toBeVisible();
  expect(await prospectNames(sw)).toEqual(['Rizky Pratama']);
});

/** Record, in the page's main world from before any script runs, every message and WXT-named event it receives. */
async function listenLikeAPage(context: BrowserContext, extensionId: string) {
  await context.addInitScript((id) => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    const record = (kind: string) => (e: Event) => {
      let data = '';
      try {
        data = JSON.stringify((e as MessageEvent).data ?? (e as CustomEvent).detail ?? null);
      } catch {
        data = String((e as MessageEvent).data);
      }
      seen.push(`${kind} ${e.type} ${data}`);
    };
    window.addEventListener('message', record('message'), true);
    for (const script of ['linkedin', 'gmail', 'outlook']) {
      for (const name of ['content-script-started', 'locationchange']) {
        const type = `${id}:${script}:wxt:${name}`;
        window.addEventListener(type, record('window'), true);
        document.addEventListener(type, record('document'), true);
      }
    }
  }, extensionId);
}

async function seenByPage(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
}

shipped('Jalur never announces itself to the page: no message or event names the extension', async ({ context, extensionId }) => {
  await listenLikeAPage(context, extensionId);
  const page = await context.newPage();
  await page.goto(RIZKY);
  await expect(page.locator('jalur-inline[data-slug="rizky-pratama-5e6f7a"]')).toHaveCount(1);
  // In-app navigation (the location watcher) and a second person's chip.
  await page.getByRole('link', { name: 'Search' }).click();
  await expect(page.locator('jalur-inline')).toHaveCount(0);
  await page.getByRole('link', { name: 'Ayu Lestari' }).click();
  await expect(page.locator('jalur-inline[data-slug="ayu-lestari-0c9d8e"]')).toHaveCount(1);

  const mail = await context.newPage();
  await mail.goto(THREAD);
  await expect(mail.locator('jalur-inline')).toHaveCount(2);
  await mail.evaluate(() => (location.hash = '#inbox'));
  await expect(mail.locator('jalur-inline')).toHaveCount(0);

  // A message the page posts itself arrives: the recorder works, and everything before it was delivered.
  for (const p of [page, mail]) {
    await p.evaluate(
      () =>
        new Promise<void>((done) => {
          addEventListener('message', function probe(e) {
            if (e.data === 'probe') done();
          });
          postMessage('probe', '*');
        }),
    );
    const seen = await seenByPage(p);
    expect(seen).toContain('message message "probe"');
    expect(seen.filter((s) => s.includes(extensionId) || /wxt|content-script/.test(s))).toEqual([]);
  }
});

/** Replay, from the page, every form of WXT's start signal for `script` that a page could have seen or guessed. */
async function replayStartSignal(page: Page, extensionId: string, script: string) {
  await page.evaluate(
    async ({ id, script }) => {
      const names = [`${id}:${script}:wxt:content-script-started`, 'wxt:content-script-started', `${id}:${script}:wxt:locationchange`];
      for (const type of names) {
        for (const messageId of ['x', Math.random().toString(36).slice(2)]) {
          const detail = { contentScriptName: script, messageId };
          // WXT 0.21 listens for a document CustomEvent; earlier versions for a window message.
          document.dispatchEvent(new CustomEvent(type, { detail }));
          window.dispatchEvent(new CustomEvent(type, { detail }));
          window.postMessage({ type, ...detail }, '*');
          window.postMessage({ type, detail }, '*');
          window.postMessage(JSON.stringify({ type, ...detail }), '*');
        }
      }
      // Wait until the page itself has received its last message: every listener on the window
      // (the content script's too, had it one) has run by then.
      await new Promise<void>((done) => {
        addEventListener('message', (e) => e.data === 'sent' && done());
        postMessage('sent', '*');
      });
    },
    { id: extensionId, script },
  );
}

shipped('a page replaying the framework’s start signal cannot switch Jalur off', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto(RIZKY);
  await expect(page.locator('jalur-inline[data-slug="rizky-pratama-5e6f7a"]')).toHaveCount(1);
  await replayStartSignal(page, extensionId, 'linkedin');

  // Still running: the chip stays, follows an in-app navigation, and clips on a real click.
  await expect(page.locator('jalur-inline[data-slug="rizky-pratama-5e6f7a"]')).toHaveCount(1);
  await page.getByRole('link', { name: 'Search' }).click();
  await expect(page.locator('jalur-inline')).toHaveCount(0);
  await page.getByRole('link', { name: 'Ayu Lestari' }).click();
  const ayu = 'jalur-inline[data-slug="ayu-lestari-0c9d8e"]';
  await expect(page.locator(ayu)).toHaveCount(1);
  await expect.poll(() => axNodes(page)).toContain('button:Add to pipeline');
  await userClick(page, ayu);
  await expect.poll(() => prospectNames(sw)).toEqual(['Ayu Lestari']);

  // The mail scripts run in the same context: Gmail keeps its chips across in-app navigation too.
  const mail = await context.newPage();
  await mail.goto(THREAD);
  await expect(mail.locator('jalur-inline')).toHaveCount(2);
  await replayStartSignal(mail, extensionId, 'gmail');
  await expect(mail.locator('jalur-inline')).toHaveCount(2);
  await mail.evaluate(() => (location.hash = '#inbox'));
  await expect(mail.locator('jalur-inline')).toHaveCount(0);
  await mail.goBack();
  await expect(mail.locator('jalur-inline')).toHaveCount(2);
});
