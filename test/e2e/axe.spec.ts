import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, fixture, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, tabIdOf, test } from './harness';

// Accessibility of every extension page with axe-core: the default rule set plus WCAG 2.2 AA's
// target-size (off by default in axe), in English and Indonesian, light and dark. 0 violations.
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';

interface Screen {
  name: string;
  path: string;
  size: { width: number; height: number };
  /** Rendered with its data once this is visible. */
  ready: (page: Page) => ReturnType<Page['locator']>;
}

async function seed(context: BrowserContext, extensionId: string): Promise<number> {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, fixture('linkedin-spa/shell.html'));
  const page = await context.newPage();
  await page.goto(RIZKY);
  await expect(page.locator('jalur-inline')).toHaveCount(1);
  const ext = await openExtensionPage(context, extensionId, 'options.html');
  await ext.evaluate(async () => {
    const ask = async (req: unknown) => {
      const r = (await chrome.runtime.sendMessage(req)) as { ok: boolean; data: any; error?: string };
      if (!r.ok) throw new Error(r.error);
      return r.data;
    };
    const person = async (slug: string, name: string, title: string) =>
      (await ask({ type: 'capture', input: { slug, email: null, name, headline: null, title, company: 'Kopi Kenangan Digital', location: 'Bandung', photoUrl: null, linkedinUrl: null } }))
        .prospect.id as string;
    const rizky = await person('rizky-pratama-5e6f7a', 'Rizky Pratama', 'Director of Sales');
    const ayu = await person('ayu-lestari-0c9d8e', 'Ayu Lestari', 'Procurement Manager');
    await ask({ type: 'addFollowUp', prospectId: rizky, title: 'Send the proposal', dueAt: Date.now() - 3_600_000 });
    await ask({ type: 'addFollowUp', prospectId: ayu, title: 'Call about the pilot', dueAt: Date.now() + 86_400_000 });
  });
  await ext.close();
  const sw = await serviceWorker(context);
  return tabIdOf(sw, RIZKY);
}

function screens(tabId: number): Screen[] {
  const panel = { width: 420, height: 900 };
  const tab = { width: 1280, height: 900 };
  return [
    { name: 'popup', path: `popup.html?tabId=${tabId}`, size: { width: 380, height: 600 }, ready: (p) => p.locator('[data-stage], select').first() },
    { name: 'side panel: person', path: `sidepanel.html?tabId=${tabId}`, size: panel, ready: (p) => p.getByText('Rizky Pratama').first() },
    { name: 'side panel: Today', path: 'sidepanel.html?view=today', size: panel, ready: (p) => p.getByRole('listitem').first() },
    { name: 'side panel: board', path: 'sidepanel.html?view=board', size: panel, ready: (p) => p.getByText('Ayu Lestari').first() },
    { name: 'side panel: insights', path: 'sidepanel.html?view=insights', size: panel, ready: (p) => p.locator('.charts') },
    { name: 'options', path: 'options.html', size: tab, ready: (p) => p.getByTestId('mode') },
    { name: 'welcome', path: 'welcome.html', size: tab, ready: (p) => p.getByTestId('clip-shortcut') },
  ];
}

for (const lang of ['en', 'id'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe: no violations on popup, side panel, options and welcome (${lang}, ${scheme})`, async () => {
      test.setTimeout(300_000);
      const { context, close } = await launchWithExtension({ lang });
      try {
        const sw = await serviceWorker(context);
        const extensionId = new URL(sw.url()).host;
        const tabId = await seed(context, extensionId);
        const found: string[] = [];
        for (const screen of screens(tabId)) {
          const page = await context.newPage();
          await page.setViewportSize(screen.size);
          await page.emulateMedia({ colorScheme: scheme });
          await page.goto(`chrome-extension://${extensionId}/${screen.path}`);
          await expect(screen.ready(page)).toBeVisible();
          const results = await new AxeBuilder({ page }).options({ rules: { 'target-size': { enabled: true } } }).analyze();
          for (const v of results.violations) {
            const targets = v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ');
            found.push(`[${screen.name}] ${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help} — ${targets}`);
          }
          await page.close();
        }
        expect(found, found.join('\n')).toEqual([]);
      } finally {
        await close();
      }
    });
  }
}
