// The options page's playbook editors at 1280×900, in English and Indonesian: every stage's fields sit
// in the same columns (won and lost stages have no "gone dark after" and used to stretch the others), so
// the page reads as one table of stages; in the scoring rules a list's points sit level with the list,
// not at its foot.
import { expect, launchWithExtension, serviceWorker, test } from './harness';

const WORDS = {
  en: { probability: 'Win probability (%)', companies: 'Ideal-customer companies (one per line)', points: 'Points for a listed company' },
  id: { probability: 'Peluang menang (%)', companies: 'Perusahaan pelanggan ideal (satu per baris)', points: 'Poin untuk perusahaan yang tercantum' },
} as const;

for (const lang of ['en', 'id'] as const) {
  test(`options: the stages' fields line up, a list's points sit level with it (${lang})`, async () => {
    const { context, close } = await launchWithExtension({ lang });
    try {
      const sw = await serviceWorker(context);
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`chrome-extension://${new URL(sw.url()).host}/options.html`);
      const rows = page.locator('form.stage-row');
      // Six stages and the row that adds one.
      await expect(rows).toHaveCount(7);
      const boxes = [];
      for (const row of await rows.all()) {
        const name = (await row.locator('input').first().boundingBox())!;
        const probability = (await row.getByLabel(WORDS[lang].probability, { exact: true }).boundingBox())!;
        const save = (await row.locator('.stage-fields > button').boundingBox())!;
        boxes.push({ name: [name.x, name.width], probability: [probability.x, probability.width], save: [save.x, save.width] });
      }
      // Open stages, won and lost stages and the new-stage row alike.
      for (const b of boxes) expect(b).toEqual(boxes[0]);

      // Scoring: the list and its points side by side, their labels on one level.
      const list = (await page.getByText(WORDS[lang].companies, { exact: true }).boundingBox())!;
      const points = (await page.getByText(WORDS[lang].points, { exact: true }).boundingBox())!;
      expect(points.x).toBeGreaterThan(list.x + list.width);
      expect(Math.abs(points.y - list.y)).toBeLessThanOrEqual(1);
    } finally {
      await close();
    }
  });
}
