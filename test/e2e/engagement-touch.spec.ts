import { mkdirSync } from 'node:fs';
import { expect, fixture, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, tabIdOf, test } from './harness';

// A social engagement (a like, comment or share of the person's post) logged from the person view:
// the kind is asked only for that channel, and the touches list names both, in English and Indonesian.

// Each test starts a browser and opens several pages: room for a machine shared by many test runs.
test.describe.configure({ timeout: 180_000 });

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';

const WORDS = {
  en: { add: 'Add to pipeline', channel: 'Channel', engagement: 'Engagement', channelName: 'Social engagement', commented: 'Commented on their post', log: 'Log touch' },
  id: { add: 'Tambah ke pipeline', channel: 'Saluran', engagement: 'Interaksi', channelName: 'Interaksi media sosial', commented: 'Mengomentari postingannya', log: 'Catat kontak' },
} as const;

for (const lang of ['en', 'id'] as const) {
  test(`the person view logs a social engagement with what it was and lists it (${lang})`, async () => {
    const w = WORDS[lang];
    const { context, close } = await launchWithExtension({ lang });
    try {
      const sw = await serviceWorker(context);
      const extensionId = new URL(sw.url()).host;
      await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
      const page = await context.newPage();
      await page.goto(RIZKY);
      await page.locator('jalur-inline').getByRole('button', { name: w.add }).click();
      await expect(page.locator('jalur-inline [data-stage]')).toBeVisible();

      const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
      await panel.setViewportSize({ width: 420, height: 900 });
      const form = panel.locator('form.log-touch');
      // The kind is asked only once the channel is a social engagement.
      await expect(form.getByLabel(w.engagement)).toHaveCount(0);
      await form.getByLabel(w.channel).selectOption('social_engagement');
      await form.getByLabel(w.engagement).selectOption('commented');
      await form.getByRole('button', { name: w.log }).click();
      const item = panel.locator('ul.touches li').first();
      await expect(item).toContainText(`${w.channelName} · ${w.commented}`);
      await item.scrollIntoViewIfNeeded();
      mkdirSync('/tmp/shots/messaging', { recursive: true });
      await panel.screenshot({ path: `/tmp/shots/messaging/person-engagement-${lang}.png` });

      const d = await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'detail', slug: 'rizky-pratama-5e6f7a' }));
      expect(d.data.touches.map((t: { channel: string; engagement: string | null }) => [t.channel, t.engagement])).toEqual([['social_engagement', 'commented']]);
    } finally {
      await close();
    }
  });
}
