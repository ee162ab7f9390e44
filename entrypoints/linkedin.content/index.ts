import { browser } from 'wxt/browser';
import { ask } from '../../components/shared/api';
import { createInlineHost, type InlineHost } from '../../components/chip/inline-host';
import { t } from '../../components/shared/i18n';
import { startSurface } from '../../lib/content-script/start-surface';
import { draftToCapture } from '../../lib/model/draft-capture';
import type { Notice, TabRequest } from '../../lib/messaging/types';
import { findNameAnchor } from '../../lib/sites/linkedin/anchor';
import { extract } from '../../lib/sites/linkedin/extract';
import { isProfileUrl, profileKeys } from '../../lib/sites/linkedin/url';

// Matched to all of LinkedIn, because Chrome injects only on full page loads and LinkedIn reaches
// profiles by in-app navigation; the profile check runs on every location change instead.
export default defineContentScript({
  matches: ['*://*.linkedin.com/*'],
  runAt: 'document_idle',
  // Not in the manifest: the router (entrypoints/linkedin-router.ts) has the background inject it where the URL needs it.
  registration: 'runtime',
  main(ctx) {
    let chip: { slug: string | null; memberId: string | null; urlKey: string; host: InlineHost } | null = null;
    let observer: MutationObserver | null = null;
    let scheduled = false;
    let announced: string | null | undefined;
    // "Show Jalur on LinkedIn pages", as the background answers it (content scripts cannot read extension
    // storage). Nothing is added to the page until it has said yes; off, Jalur still reads the page for
    // the popup and side panel but adds no element.
    let shown = false;

    /** Tell open Jalur pages (side panel) that the person in view changed, once per change. */
    function announce(slug: string | null) {
      if (slug === announced) return;
      announced = slug;
      const notice: Notice = { type: 'pageChanged', url: location.href };
      browser.runtime.sendMessage(notice).catch(() => undefined);
    }

    function unmount() {
      chip?.host.el.remove();
      chip = null;
    }

    async function refresh() {
      if (!chip) return;
      const current = chip;
      const reply = await ask({
        type: 'lookup',
        slugs: current.slug ? [current.slug] : [],
        emails: [],
        memberIds: current.memberId ? [current.memberId] : [],
      });
      if (chip !== current) return;
      if (!reply.ok) {
        current.host.render({ kind: 'error', message: reply.error }, actions);
        return;
      }
      const person = reply.data.people[0];
      current.host.render(person ? { kind: 'tracked', person } : { kind: 'new', busy: false, error: null }, actions);
    }

    async function add() {
      if (!chip) return;
      const current = chip;
      current.host.render({ kind: 'new', busy: true, error: null }, actions);
      const result = extract(document, location.href);
      if (!result.ok) {
        current.host.render({ kind: 'new', busy: false, error: t('errorExtract') }, actions);
        return;
      }
      const reply = await ask({ type: 'capture', input: draftToCapture(result.draft) });
      if (!reply.ok) {
        current.host.render({ kind: 'new', busy: false, error: reply.error }, actions);
        return;
      }
      await refresh();
    }

    const actions = { onAdd: () => void add(), site: 'linkedin' as const };

    /** Make the page state match: one chip by the name of the profile in view, none elsewhere. */
    function sync() {
      scheduled = false;
      // A profile URL names the member by slug or, opened from messaging or a list, by member id.
      const urlKeys = isProfileUrl(location.href) ? profileKeys(location.href) : null;
      const urlKey = urlKeys && (urlKeys.slug ?? urlKeys.memberId);
      if (!urlKey) {
        unmount();
        announce(null);
        return;
      }
      if (!shown) {
        unmount();
        announce(urlKey);
        return;
      }
      // The common case on a busy page: our chip is still there for this URL, nothing to do.
      if (chip && chip.urlKey === urlKey && chip.host.el.isConnected) return;
      const anchor = findNameAnchor(document, location.href);
      if (!anchor) return; // not rendered yet: the observer calls back when the top card arrives
      // A member id in the URL (/in/ACoA…) is a key, and the card may show the public slug too:
      // the chip names whichever the page gives (CONTRACT.md), and is looked up by both.
      const result = extract(document, location.href);
      const slug = result.ok ? result.draft.slug : urlKeys!.slug;
      const memberId = (result.ok ? result.draft.memberId : null) ?? urlKeys!.memberId;
      unmount();
      const host = createInlineHost(document, {
        ...(slug ? { 'data-slug': slug } : {}),
        ...(memberId ? { 'data-member-id': memberId } : {}),
      });
      anchor.insertAdjacentElement('afterend', host.el);
      chip = { slug, memberId, urlKey, host };
      host.render({ kind: 'loading' }, actions);
      void refresh();
      announce(slug ?? memberId);
    }

    function schedule() {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(sync);
    }

    function watch() {
      observer?.disconnect();
      // At most one check per frame however busy the page is; sync() returns early while the chip stands.
      observer = new MutationObserver(schedule);
      observer.observe(document.body, { childList: true, subtree: true });
    }

    // Injected by the background after the page's load event, at the router's request; the wiring and
    // the first look run in a task of their own (after-load.ts). LinkedIn renders profiles by script
    // after load anyway.
    startSurface(ctx, {
      schedule,
      refresh: () => void refresh(),
      setShown: (show) => {
        shown = show;
      },
      watch,
      stop: () => {
        observer?.disconnect();
        unmount();
      },
      answer: (msg) => ((msg as TabRequest | undefined)?.type === 'extract' ? Promise.resolve(extract(document, location.href)) : undefined),
    });
  },
});
