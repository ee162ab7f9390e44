import type { Page } from '@playwright/test';
import { expect, fixture, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, tabIdOf, test as base } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const AYU = 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/';

const test = base;
test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
});

async function clip(page: Page, url: string, button = 'Add to pipeline') {
  await page.goto(url);
  await page.locator('jalur-inline').getByRole('button', { name: button }).click();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
}

/** The cell of a chart's table, opened with "Show as table". */
function cell(panel: Page, chart: string, row: string, col: string) {
  return panel.locator(`[data-chart="${chart}"] tr[data-row="${row}"] td[data-col="${col}"]`);
}

async function openTables(panel: Page) {
  for (const summary of await panel.locator('[data-chart] summary').all()) await summary.click();
}

test('insights for this quarter show the numbers of a seeded history', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await clip(page, RIZKY);
  await clip(page, AYU);

  // Deal values (and a third person, straight into qualification) come in from a CSV.
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options.getByLabel('CSV file').setInputFiles({
    name: 'values.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'Name,Email,LinkedIn URL,Stage,Deal value',
        `Rizky Pratama,,${RIZKY},,1000`,
        `Ayu Lestari,,${AYU},,3000`,
        'Dewi Anggraini,dewi@contoh.id,,Qualification,2000',
      ].join('\n'),
    ),
  });
  await expect(options.locator('[data-count="creates"] dd')).toHaveText('1');
  await expect(options.locator('[data-count="updates"] dd')).toHaveText('2');
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Imported' })).toContainText('new: 1, updated: 2,');

  // This quarter's target, set in the options.
  const quarter = await options.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
  });
  await expect(options.getByLabel('Target period')).toHaveValue(quarter);
  await options.getByLabel('Target value').fill('10000');
  await options.getByLabel('Currency', { exact: true }).fill('USD');
  await options.getByRole('button', { name: 'Set target' }).click();
  await expect(options.locator(`.targets tr[data-period="${quarter}"]`)).toContainText('$10,000');

  // Rizky: past qualification without SQL (confirmed), two touches, then accepted as SQL.
  await page.goto(RIZKY);
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  await expect(panel.locator('article.detail h2')).toHaveText('Rizky Pratama');
  await panel.getByLabel('Stage').selectOption('consideration');
  await panel.getByRole('button', { name: 'Move anyway' }).click();
  await expect(panel.locator('article.detail')).toHaveAttribute('data-stage', 'consideration');
  await panel.getByRole('button', { name: 'Log touch' }).click();
  await expect(panel.locator('.touches li')).toHaveCount(1);
  await panel.getByRole('button', { name: 'Log touch' }).click();
  await expect(panel.locator('.touches li')).toHaveCount(2);
  await panel.getByLabel('Interest confirmed').check();
  await panel.getByLabel('In a buying process').check();
  await panel.getByLabel('Decision-maker').check();
  await expect(panel.locator('.gates')).toHaveAttribute('data-sql', 'true');

  // Ayu: lost straight from prospecting.
  await page.goto(AYU);
  await expect(panel.locator('article.detail h2')).toHaveText('Ayu Lestari');
  await panel.getByLabel('Stage').selectOption('lost');
  await panel.getByRole('button', { name: 'Mark as lost' }).click(); // the reason is optional
  await expect(panel.locator('article.detail')).toHaveAttribute('data-stage', 'lost');

  await panel.getByRole('tab', { name: 'Insights', exact: true }).click();
  await expect(panel.getByRole('heading', { name: 'Insights', level: 2 })).toBeVisible();
  await expect(panel.getByLabel('Period')).toHaveValue('quarter');
  // Every chart is an image with its numbers spoken, and a table one click away.
  await expect(panel.locator('[data-chart="funnel"] svg[role="img"]')).toHaveAttribute(
    'aria-label',
    /Prospecting: 2 entered, 1 moved on \(50%\); Qualification: 1 entered, 0 moved on \(0%\)/,
  );
  await openTables(panel);
  await expect(panel.getByRole('table', { name: 'Funnel conversion' })).toBeVisible();

  // Funnel: Rizky and Ayu entered prospecting, Rizky moved on; Dewi entered qualification; Rizky consideration.
  await expect(cell(panel, 'funnel', 'prospecting', 'entered')).toHaveText('2');
  await expect(cell(panel, 'funnel', 'prospecting', 'movedOn')).toHaveText('1');
  await expect(cell(panel, 'funnel', 'prospecting', 'conversion')).toHaveText('50%');
  await expect(cell(panel, 'funnel', 'qualification', 'entered')).toHaveText('1');
  await expect(cell(panel, 'funnel', 'consideration', 'entered')).toHaveText('1');
  await expect(cell(panel, 'funnel', 'decision', 'entered')).toHaveText('0');
  await expect(panel.locator('[data-chart="funnel"] tr[data-row="lost"]')).toHaveCount(0);
  // Drop-off: Ayu lost from prospecting; nobody has gone dark yet.
  await expect(cell(panel, 'dropoff', 'prospecting', 'lost')).toHaveText('1');
  await expect(cell(panel, 'dropoff', 'prospecting', 'goneDark')).toHaveText('0');
  await expect(cell(panel, 'dropoff', 'qualification', 'stillIn')).toHaveText('1');
  // Median days: the two finished prospecting stays took minutes, under a day; the rest still run.
  await expect(cell(panel, 'days', 'prospecting', 'medianDays')).toHaveText('0');
  await expect(cell(panel, 'days', 'qualification', 'medianDays')).toHaveText('—');
  await expect(cell(panel, 'days', 'qualification', 'openVisits')).toHaveText('1');
  // Open value now: Dewi 2,000 at 20 %, Rizky 1,000 at 40 %; Ayu's 3,000 is lost, not open.
  await expect(cell(panel, 'value', 'qualification', 'value')).toHaveText('$2,000');
  await expect(cell(panel, 'value', 'qualification', 'weighted')).toHaveText('$400');
  await expect(cell(panel, 'value', 'consideration', 'weighted')).toHaveText('$400');
  await expect(cell(panel, 'value', 'total', 'value')).toHaveText('$3,000');
  await expect(cell(panel, 'value', 'total', 'current')).toHaveText('2');
  // Forecast: nothing won yet, 800 weighted against the 10,000 target.
  await expect(cell(panel, 'forecast', 'forecast', 'amount')).toHaveText('$800');
  await expect(cell(panel, 'forecast', 'target', 'amount')).toHaveText('$10,000');
  await expect(cell(panel, 'forecast', 'gap', 'amount')).toHaveText('$9,200');
  await expect(cell(panel, 'forecast', 'attainment', 'amount')).toHaveText('8%');
  await expect(panel.locator('[data-chart="forecast"] [data-target]')).toHaveText(`$9,200 short of the ${quarter} target.`);
  // Touches before SQL: Rizky, with two.
  await expect(panel.locator('[data-chart="touches"] .hint')).toHaveText('Median touches: 2 (sales-qualified in the period: 1).');
  await expect(cell(panel, 'touches', '2', 'prospects')).toHaveText('1');
  // Lost reasons: Ayu, with none recorded.
  await expect(panel.locator('[data-chart="lost"] tr[data-row="none"] th')).toHaveText('No reason given');
  await expect(cell(panel, 'lost', 'none', 'count')).toHaveText('1');

  // Another period: the last 90 days have no target to compare with, and say so.
  await panel.getByLabel('Period').selectOption('last90');
  await expect(panel.locator('[data-chart="forecast"] [data-target]')).toHaveText(
    'Targets are set per month, quarter or year; choose one of those to compare against a target.',
  );
  await expect(cell(panel, 'funnel', 'prospecting', 'entered')).toHaveText('2');
  // A custom range that ended before any of this happened is empty.
  await panel.getByLabel('Period').selectOption('custom');
  await panel.getByLabel('From', { exact: true }).fill('2020-01-01');
  await panel.getByLabel('To', { exact: true }).fill('2020-03-31');
  await expect(panel.getByText('Nobody entered a stage in this period.')).toBeVisible();
  await expect(panel.locator('[data-chart="forecast"] [data-target]')).toHaveText('No target is set for 2020-Q1.');
});

test.describe('in Indonesian', () => {
  const idTest = base.extend({
    // eslint-disable-next-line no-empty-pattern
    context: async ({}, use) => {
      const { context, close } = await launchWithExtension({ lang: 'id' });
      await use(context);
      await close();
    },
  });

  idTest('insights speak Indonesian', async ({ context }) => {
    await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
    const sw = await serviceWorker(context);
    const page = await context.newPage();
    await clip(page, RIZKY, 'Tambah ke pipeline');
    const panel = await openExtensionPage(context, new URL(sw.url()).host, 'sidepanel.html');
    await panel.getByRole('tab', { name: 'Wawasan', exact: true }).click();
    await expect(panel.getByLabel('Periode')).toHaveValue('quarter');
    await panel.locator('[data-chart="funnel"] summary').click();
    await expect(panel.getByRole('table', { name: 'Konversi corong' }).locator('tr[data-row="prospecting"] th')).toHaveText('Prospek');
    await expect(cell(panel, 'funnel', 'prospecting', 'entered')).toHaveText('1');
    await expect(panel.locator('[data-chart="forecast"] [data-target]')).toContainText('Belum ada target untuk');
  });
});
