import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ProspectDraft } from '../../lib/model/draft';
import type { Notice, ProspectDetail } from '../../lib/messaging/types';
import { send } from './api';
import { useStoreVersion } from './useStoreVersion';
import { activeTabId, extractSettled, manualDraft, ownTabId, peopleInTab, pinnedTabId } from './tab-target';

export type TabPerson =
  | { kind: 'loading' }
  | { kind: 'unsupported' }
  | { kind: 'failed'; reason: string }
  | { kind: 'draft'; draft: ProspectDraft; detail: ProspectDetail | null; people: ProspectDraft[] };

/**
 * The person on the tab this page acts on, kept current: follows tab switches (unless pinned by
 * ?tabId), in-app navigation reported by the content script, and every change in the store.
 */
export function useTabPerson(follow: boolean): {
  tabId: number | null;
  person: TabPerson;
  reload: () => void;
  choose: (email: string) => void;
} {
  const [chosen, choose] = useState<string | null>(null);
  const pinned = pinnedTabId(location.search);
  const [tabId, setTabId] = useState<number | null>(pinned);
  const [person, setPerson] = useState<TabPerson>({ kind: 'loading' });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const version = useStoreVersion();

  useEffect(() => {
    if (pinned !== null) return;
    void activeTabId().then(setTabId);
    if (!follow) return;
    let own: number | undefined;
    void ownTabId().then((id) => (own = id));
    const onActivated = (info: { tabId: number }) => {
      if (info.tabId !== own) setTabId(info.tabId);
    };
    // Switching to another browser window changes the active tab without an onActivated event.
    const onFocus = (windowId: number) => {
      if (windowId !== browser.windows.WINDOW_ID_NONE) void activeTabId().then((id) => id !== null && id !== own && setTabId(id));
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.windows.onFocusChanged.addListener(onFocus);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.windows.onFocusChanged.removeListener(onFocus);
    };
  }, []);

  useEffect(() => {
    const onUpdated = (id: number, info: { status?: string; url?: string }) => {
      if (id === tabId && (info.status === 'complete' || info.url)) reload();
    };
    const onMessage = (msg: unknown, sender: { tab?: { id?: number } }) => {
      const m = msg as Notice | undefined;
      if (m?.type === 'pageChanged' && sender.tab?.id === tabId) reload();
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
    if (tabId === null) return;
    let live = true;
    void (async () => {
      const r = await extractSettled(tabId, () => live);
      if (!live) return;
      if (!r) return setPerson({ kind: 'unsupported' });
      // A profile whose name cannot be read, or that never draws a top card Jalur knows, is clipped
      // by typing the name (the identity comes from the URL); never an endless "Loading…".
      const manual = !r.ok && (r.reason === 'no-name' || r.reason === 'not-rendered') ? await manualDraft(tabId) : null;
      if (!r.ok && !manual) return setPerson({ kind: 'failed', reason: r.reason });
      // A mail thread has several people: the rep may pick another than the one offered first.
      const people = await peopleInTab(tabId);
      const draft = people.find((d) => d.fields.email?.value === chosen) ?? (r.ok ? r.draft : manual!);
      const email = draft.fields.email?.value;
      // The person may be known by the page's slug or, first seen elsewhere by id only, by its member id.
      const detail = await send({
        type: 'detail',
        ...(draft.slug ? { slug: draft.slug } : {}),
        ...(draft.memberId ? { memberId: draft.memberId } : {}),
        ...(email ? { email } : {}),
      });
      if (live) setPerson({ kind: 'draft', draft, detail, people });
    })().catch((e: Error) => live && setPerson({ kind: 'failed', reason: e.message }));
    return () => {
      live = false;
    };
  }, [tabId, tick, version, chosen]);

  return { tabId, person, reload, choose };
}
