import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CaptureWire, Notice, PersonView } from '../../../lib/messaging/types';
import type { Mention } from '../../../lib/tab-status/page-people';
import { isLinkedInHost } from '../../../lib/sites/linkedin/url';
import { send } from '../../shared/api';
import { draftToForm } from '../../shared/draft-wire';
import { extractFromTab } from '../../shared/tab-target';
import { useStoreVersion } from '../../shared/useStoreVersion';

export interface PageRow {
  mention: Mention;
  /** The pipeline's record, or null for someone not in it. */
  person: PersonView | null;
  /** What Add clips: the profile script's whole extraction for the profile person, the row's fields otherwise. */
  capture: CaptureWire;
}

export type PageList = { kind: 'off' } | { kind: 'loading' } | { kind: 'ready'; rows: PageRow[] } | { kind: 'failed'; error: string };

// LinkedIn draws a page after its URL changes (and after the content script says so): an empty read is
// tried again a few times before "nobody on this page" is believed.
const RETRY_MS = [250, 500, 1000, 2000, 4000];

/**
 * The people the LinkedIn tab `tabId` shows, with their pipeline records: the profile person (the
 * profile script's `extract`) and everyone the lists script reads (`pagePeople`). Follows in-app
 * navigation (`pageChanged`, tab updates) and every change in the store. `off` for a tab that is not LinkedIn.
 */
export function usePagePeople(tabId: number | null): { list: PageList; reload: () => void } {
  const [list, setList] = useState<PageList>({ kind: 'off' });
  const [tick, setTick] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const version = useStoreVersion();
  const reload = useCallback(() => {
    setAttempt(0);
    setTick((n) => n + 1);
  }, []);

  useEffect(() => {
    const onUpdated = (id: number, info: { status?: string; url?: string; title?: string }) => {
      if (id === tabId && (info.status === 'complete' || info.url || info.title)) reload();
    };
    const onMessage = (msg: unknown, sender: { tab?: { id?: number } }) => {
      if ((msg as Notice | undefined)?.type === 'pageChanged' && sender.tab?.id === tabId) reload();
      return undefined;
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [tabId]);

  useEffect(() => {
    if (tabId === null) return setList({ kind: 'off' });
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    void (async () => {
      const url = await browser.tabs.get(tabId).then(
        (tab) => tab.url ?? '',
        () => '',
      );
      if (!isLinkedInHost(url)) return live && setList({ kind: 'off' });
      // Loaded only for a LinkedIn tab: its reply checks bring zod, which the panel's first screen does without.
      const { draftMention, findTracked, lookupKeys, mergeMentions, mentionCapture, parsePagePeople } = await import(
        '../../../lib/tab-status/page-people'
      );
      const [extracted, listed] = await Promise.all([
        extractFromTab(tabId),
        browser.tabs.sendMessage(tabId, { type: 'pagePeople' }).catch(() => undefined),
      ]);
      const draft = extracted?.ok ? extracted.draft : null;
      const profile = draft ? draftMention(draft) : null;
      const mentions = mergeMentions(profile, parsePagePeople(listed));
      const people = mentions.length
        ? (await send({ type: 'lookup', emails: [], ...lookupKeys(mentions) })).people
        : [];
      if (!live) return;
      const rows = mentions.map((mention) => ({
        mention,
        person: findTracked(mention, people),
        capture: draft && mention === profile ? draftToForm(draft) : mentionCapture(mention),
      }));
      setList({ kind: 'ready', rows });
      const wait = RETRY_MS[attempt];
      const drawing = rows.length === 0 || (extracted !== null && !extracted.ok && extracted.reason === 'not-rendered');
      if (drawing && wait !== undefined) retry = setTimeout(() => live && setAttempt((n) => n + 1), wait);
    })().catch((e: Error) => live && setList({ kind: 'failed', error: e.message }));
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, [tabId, tick, version, attempt]);

  return { list, reload };
}
