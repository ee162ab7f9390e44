import { expect, serveLinkedIn, test } from './harness';
import { mailSpa } from './mail-spa';

// Outlook on the web in German, a header that shows the sender only as "Von: addr" (no persona card,
// no display name, no time): the sender gets a chip and can be clipped; the mailbox owner never does.

const PANE = '/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAJ2BFakeDeAddr%3D';
const ORIGIN = 'https://outlook.office.com';
const LENA = 'lena.hoffmann@nordwerk-kaffee.example';

test('Outlook: a sender shown only as an address in a localised From label gets a chip', async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/outlook\.office\.com\//, mailSpa({ [PANE]: 'outlook/address-only-de.html' }));
  const page = await context.newPage();
  await page.goto(ORIGIN + PANE);
  const chip = page.locator(`jalur-inline[data-email="${LENA}"]`);
  await expect(chip).toHaveCount(1);
  await expect(page.locator('jalur-inline')).toHaveCount(1);
  await chip.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(chip.locator('[data-stage="prospecting"]')).toBeVisible();
});
