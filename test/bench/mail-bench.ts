// The two mail budgets of issue 5, in one Chromium with the built extension: Gmail and Outlook served
// as single-page apps at their real URLs (committed fixtures, plus a generated 100-row Gmail list).
import { resolve } from 'node:path';
import { launchWithExtension, serveLinkedIn, serviceWorker } from '../e2e/harness';
import { bundleForBrowser } from './bundle';
import { mailChipRows, type MailApp } from './mail-chips';
import { fixturePage, spaShell, syntheticInbox } from './mail-inbox';
import { clipByMessage, mailListRows } from './mail-list';
import type { FrameWork } from './mail-trace';
import type { BenchGlobal } from './store-bench';
import type { Row } from './table';

const GMAIL: MailApp = {
  label: 'Gmail',
  origin: 'https://mail.google.com',
  list: '/mail/u/0/#inbox',
  conversations: [
    { at: '/mail/u/0/#inbox/FMfcgzQXJWbdTqLmNpRsVwXyZbCdFgHk', chips: 2, clip: 'anita.wirawan@lautbiru-logistik.example' },
    { at: '/mail/u/0/#label/Clients%2FJakarta/FMfcgzQXKcVnMbLpJhGfDsAqWeRtYuIo', chips: 5, clip: 'citra.dewanti@apotek-sehat.example' },
  ],
  start: 'h2.hP',
  routing: 'hash',
};

// Anita, clipped in Gmail, is recognised here by address; Budi is not in the pipeline.
const OUTLOOK: MailApp = {
  label: 'Outlook',
  origin: 'https://outlook.office.com',
  list: '/mail/inbox',
  conversations: [{ at: '/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAJ2BFakeFx24%3D', chips: 2 }],
  start: '#ReadingPaneContainerId [role="heading"]',
  routing: 'history',
};

export interface MailBenchOptions {
  /** Conversation openings per mail app. */
  navigations: number;
  /** Prospects in the store besides the mail people, so lookups hit a full-size database. */
  prospects: number;
  listRows: number;
  listTracked: number;
  listTimed: number;
  listTraced: number;
}

export async function mailRows(o: MailBenchOptions): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  const seedScript = await bundleForBrowser(resolve('test/bench/store-bench.ts'));
  const probeScript = await bundleForBrowser(resolve('test/bench/mail-probe.ts'));
  const inbox = syntheticInbox(o.listRows);
  // Every third-or-so row's sender is in the pipeline, spread over the list.
  const tracked = inbox.senders.filter(
    (_, i) => Math.floor(((i + 1) * o.listTracked) / o.listRows) > Math.floor((i * o.listTracked) / o.listRows),
  );
  const { context, close } = await launchWithExtension();
  try {
    const sw = await serviceWorker(context);
    const extensionId = new URL(sw.url()).host;
    // Clip first: answering a message waits for the worker's first-run seeding (default stages), which
    // the bulk fill needs and would otherwise race on a busy machine.
    await clipByMessage(context, extensionId, tracked);
    await sw.evaluate(seedScript);
    await sw.evaluate((n) => (globalThis as unknown as BenchGlobal).jalurBench.fill('jalur', n, 11), o.prospects);

    await serveLinkedIn(
      context,
      /^https:\/\/mail\.google\.com\//,
      spaShell({
        [GMAIL.list]: fixturePage('gmail/inbox-list.html'),
        [GMAIL.conversations[0]!.at]: fixturePage('gmail/thread-2024.html'),
        [GMAIL.conversations[1]!.at]: fixturePage('gmail/thread-cc-sent.html'),
        // Another account (/u/1/): the generated list, and a conversation to come back from.
        '/mail/u/1/#inbox': { title: inbox.title, body: inbox.body },
        '/mail/u/1/#inbox/FMfcgzQXJWbdTqLmNpRsVwXyZbCdFgHk': fixturePage('gmail/thread-2024.html'),
      }),
    );
    await serveLinkedIn(
      context,
      /^https:\/\/outlook\.office\.com\//,
      spaShell({
        [OUTLOOK.list]: fixturePage('outlook/message-list.html'),
        [OUTLOOK.conversations[0]!.at]: fixturePage('outlook/reading-pane-2024.html'),
      }),
    );
    const page = await context.newPage();
    await page.addInitScript({ content: probeScript });

    const gmail = await mailChipRows(page, GMAIL, o.navigations);
    const outlook = await mailChipRows(page, OUTLOOK, o.navigations);
    const list = await mailListRows(
      context,
      page,
      extensionId,
      {
        origin: GMAIL.origin,
        list: '/mail/u/1/#inbox',
        conversation: '/mail/u/1/#inbox/FMfcgzQXJWbdTqLmNpRsVwXyZbCdFgHk',
        conversationChips: 2,
        rows: o.listRows,
        tracked,
      },
      { timed: o.listTimed, traced: o.listTraced },
    );
    const raw: { gmail: Record<string, number[]>; outlook: Record<string, number[]>; list: { markersMs: number[]; traced: FrameWork[] } } =
      {
        gmail: gmail.raw,
        outlook: outlook.raw,
        list: list.raw,
      };
    return { rows: [...gmail.rows, ...outlook.rows, ...list.rows], raw };
  } finally {
    await close();
  }
}
