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

/** A stage move as the background takes it (the person view's Stage select sends the same request). */
async function setStage(page: Page, name: string, stageKey: string) {
  const reply = await page.evaluate(
    async ([name, stageKey]) => {
      const found = (await chrome.runtime.sendMessage({ type: 'search', query: name, limit: 1 })) as { data: { items: { id: string }[] } };
      return chrome.runtime.sendMessage({ type: 'setStage', prospectId: found.data.items[0]!.id, stageKey, confirmed: true }) as Promise<{
        ok: boolean;
      }>;
    },
    [name, stageKey] as const,
  );
  expect(reply.ok).toBe(true);
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
  await expect(panel.locator('[data-chart="funnel"] [role="img"]')).toHaveAttribute(
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
  // The target marker is drawn where the target is, inside the chart, with its label in view.
  const chartBox = (await panel.locator('[data-chart="forecast"]').boundingBox())!;
  for (const part of ['.marker-line', '.marker-label']) {
    const box = (await panel.locator(`[data-chart="forecast"] ${part}`).boundingBox())!;
    expect(box.width).toBeGreaterThan(0);
    expect(box.x).toBeGreaterThanOrEqual(chartBox.x);
    expect(box.x + box.width).toBeLessThanOrEqual(chartBox.x + chartBox.width + 1);
  }
  await expect(panel.locator('[data-chart="forecast"] .marker-label')).toHaveText('Target $10K');
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

test('a stage that deals jump over shows as skipped, not 0 %, and the table says the rule', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await clip(page, RIZKY);
  await clip(page, AYU);
  // Rizky goes from prospecting straight to consideration; Ayu moves to qualification.
  const insights = await openExtensionPage(context, extensionId, 'sidepanel.html?view=insights');
  await setStage(insights, 'Ayu Lestari', 'qualification');
  await setStage(insights, 'Rizky Pratama', 'consideration');
  await insights.reload();
  await insights.locator('[data-chart="funnel"] summary').click();
  // Both left prospecting for a later stage: 100 %, the jump counts.
  await expect(cell(insights, 'funnel', 'prospecting', 'conversion')).toHaveText('100%');
  // Qualification: Ayu entered and is still there (0 % is true of her); Rizky skipped it.
  await expect(cell(insights, 'funnel', 'qualification', 'skipped')).toHaveText('1');
  // Decision: nobody entered it and nobody jumped over it: a dash, not a rate.
  await expect(cell(insights, 'funnel', 'decision', 'conversion')).toHaveText('—');
  await expect(insights.locator('[data-chart="funnel"] .table-rule')).toContainText('any later stage');
  await expect(insights.locator('[data-chart="funnel"]')).toContainText('Some deals jumped over a stage');
});

test('a stage nobody entered but deals jumped over reads "skipped" in the chart and the table', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await clip(page, RIZKY);
  const insights = await openExtensionPage(context, extensionId, 'sidepanel.html?view=insights');
  await setStage(insights, 'Rizky Pratama', 'decision');
  await insights.reload();
  await insights.locator('[data-chart="funnel"] summary').click();
  for (const stage of ['qualification', 'consideration']) {
    await expect(cell(insights, 'funnel', stage, 'entered')).toHaveText('0');
    await expect(cell(insights, 'funnel', stage, 'conversion')).toHaveText('skipped');
    await expect(cell(insights, 'funnel', stage, 'skipped')).toHaveText('1');
  }
  await expect(insights.locator('[data-chart="funnel"] [role="img"]')).toHaveAttribute('aria-label', /Qualification: skipped by 1/);
  // The skipped stages carry no rate; Rizky's own stage (decision) honestly has 0 % so far.
  await expect(insights.locator('[data-chart="funnel"] [role="img"]')).not.toHaveAttribute('aria-label', /(Qualification|Consideration): [^;]*%/);
});

test('insights keep their text size at any width: bounded height in a 1280 px tab', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await clip(page, RIZKY);
  await clip(page, AYU);
  const insights = await openExtensionPage(context, extensionId, 'sidepanel.html?view=insights');
  const measure = async (width: number) => {
    await insights.setViewportSize({ width, height: 900 });
    await expect(insights.locator('[data-chart="funnel"] .bar-row').first()).toBeVisible();
    return insights.evaluate(() => ({
      height: document.querySelector('.insights')!.getBoundingClientRect().height,
      label: getComputedStyle(document.querySelector('[data-chart="funnel"] .bar-text .label')!).fontSize,
      heading: getComputedStyle(document.querySelector('[data-chart="funnel"] h3')!).fontSize,
    }));
  };
  const narrow = await measure(420);
  const wide = await measure(1280);
  // Text is the same size in the panel and in a tab (an SVG scaled to the width grew it 3×).
  expect(wide.label).toBe(narrow.label);
  expect(wide.heading).toBe(narrow.heading);
  expect(parseFloat(wide.label)).toBeLessThanOrEqual(14);
  // Wider is never taller: the charts sit side by side, and the page stays within a couple of screens.
  expect(wide.height).toBeLessThanOrEqual(narrow.height);
  expect(wide.height).toBeLessThan(1800);
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
