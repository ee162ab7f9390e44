import { ask } from '../../components/shared/api';
import { createInlineHost } from '../../components/chip/inline-host';
import { conversationLog } from '../../components/chip/conversation-log';
import type { InlineHost } from '../../components/chip/inline-host';
// Type-only imports stay on their own lines: WXT reads the options with imports it cannot drop evaluated.
import type { ChipActions, ChipState } from '../../components/chip/InlineChip';
import type { LogTarget } from '../../components/chip/conversation-log';
import { t } from '../../components/shared/i18n';
import { startSurface } from '../../lib/content-script/start-surface';
import type { PersonView } from '../../lib/messaging/types';
import { keyOf } from '../../lib/sites/linkedin/lists/identity';
import { conversations, readConversationPartners } from '../../lib/sites/linkedin/messaging';
import { readSalesLead } from '../../lib/sites/linkedin/sales-lead';
import { profileUrl } from '../../lib/sites/linkedin/url';

// Chips in LinkedIn conversations (the /messaging/thread/… pane and the overlay's bubbles on any page)
// for each partner, never the viewer, and on the Sales Navigator lead page for the lead. A tracked
// partner's chip offers Log this conversation: a LinkedIn-message touch with the direction and time of
// the last message, never its text. Matched to all of LinkedIn because LinkedIn navigates in-app and
// bubbles open anywhere. Quiet mode ("Show Jalur on LinkedIn pages" off): nothing is added.

interface Person {
  slug: string | null;
  memberId: string | null;
  name: string;
  headline: string | null;
}

interface Chip {
  /** The thread pane or bubble (null for the Sales Navigator lead). */
  conversation: Element | null;
  person: Person;
  host: InlineHost;
  state: ChipState;
}

export default defineContentScript({
  matches: ['*://*.linkedin.com/*'],
  runAt: 'document_idle',
  // Not in the manifest: the router (entrypoints/linkedin-router.ts) has the background inject it where the URL needs it.
  registration: 'runtime',
  main(ctx) {
    const chips = new Map<string, Chip>();
    let observer: MutationObserver | null = null;
    let scheduled = false;
    let shown = false;
    let scopes = new WeakMap<Element, number>();
    let nextScope = 1;
    // "Conversation logged" only while the last message in view is logged (components/chip/conversation-log.ts).
    const convo = conversationLog(document, ask);

    /** One chip per person per conversation: the same partner in a thread and a bubble gets two. */
    function chipKey(conversation: Element | null, p: Person): string {
      if (!conversation) return `lead:${keyOf(p)}`;
      let n = scopes.get(conversation);
      if (n === undefined) scopes.set(conversation, (n = nextScope++));
      return `${n}:${keyOf(p)}`;
    }

    function render(key: string) {
      const c = chips.get(key);
      if (!c) return;
      const actions: ChipActions = {
        onAdd: () => void add(key),
        site: 'linkedin',
        ...(c.conversation ? { onLog: () => void log(key), logText: { ready: t('logConversation'), done: t('conversationLogged') } } : {}),
      };
      c.host.render(c.state, actions);
    }

    function set(key: string, state: ChipState) {
      const c = chips.get(key);
      if (!c) return;
      c.state = state;
      render(key);
    }

    function found(people: Map<string, PersonView>, p: Person): PersonView | undefined {
      return (p.memberId ? people.get(p.memberId) : undefined) ?? (p.slug ? people.get(p.slug) : undefined);
    }

    /** Look up the given chips (all of them by default) in one request, and show what is known. */
    async function refresh(keys: string[] = [...chips.keys()]) {
      const targets = keys.map((k) => [k, chips.get(k)] as const).filter((x): x is [string, Chip] => !!x[1]);
      if (!targets.length) return;
      const slugs = [...new Set(targets.flatMap(([, c]) => (c.person.slug ? [c.person.slug] : [])))];
      const memberIds = [...new Set(targets.flatMap(([, c]) => (c.person.memberId ? [c.person.memberId] : [])))];
      const reply = await ask({ type: 'lookup', slugs, emails: [], memberIds });
      const people = new Map<string, PersonView>();
      if (reply.ok) for (const p of reply.data.people) people.set(p.key, p);
      for (const [key, c] of targets) {
        if (chips.get(key) !== c) continue;
        if (!reply.ok) {
          set(key, { kind: 'error', message: reply.error });
          continue;
        }
        const person = found(people, c.person);
        const prev = c.state;
        // Disabled until the pipeline says whether the last message is logged (checkLogs below).
        const log = prev.kind === 'tracked' && prev.log ? prev.log : 'busy';
        set(key, person ? { kind: 'tracked', person, ...(c.conversation ? { log } : {}) } : { kind: 'new', busy: false, error: null });
      }
      await checkLogs(
        targets.map(([k]) => k),
        true,
      );
    }

    function logTarget(key: string, c: Chip): LogTarget | null {
      if (!c.conversation || c.state.kind !== 'tracked') return null;
      const path = location.pathname.startsWith('/messaging/') ? location.pathname : '';
      return { key, conversation: c.conversation, prospectId: c.state.person.prospectId, thread: `${key}@${path}` };
    }

    /** Each chip's Log this conversation as its last message is now; `all`: also where that message did not change. */
    async function checkLogs(keys: string[] = [...chips.keys()], all = false) {
      const targets = keys.flatMap((k) => logTarget(k, chips.get(k)!) ?? []);
      if (!targets.length) return;
      for (const [key, log] of await convo.states(targets, all)) {
        const c = chips.get(key);
        if (c?.state.kind === 'tracked') set(key, { ...c.state, log });
      }
    }

    async function add(key: string) {
      const c = chips.get(key);
      if (!c) return;
      set(key, { kind: 'new', busy: true, error: null });
      const { slug, memberId, name, headline } = c.person;
      const reply = await ask({
        type: 'capture',
        input: {
          slug,
          memberId,
          email: null,
          name,
          headline,
          title: null,
          company: null,
          location: null,
          photoUrl: null,
          linkedinUrl: slug ? profileUrl(slug) : memberId ? `https://www.linkedin.com/in/${memberId}/` : null,
          source: 'social_selling',
        },
      });
      if (!reply.ok) {
        set(key, { kind: 'new', busy: false, error: reply.error });
        return;
      }
      // Every chip of this person (in another bubble too) now shows them tracked.
      await refresh([...chips.entries()].filter(([, o]) => keyOf(o.person) === keyOf(c.person)).map(([k]) => k));
    }

    async function log(key: string) {
      const c = chips.get(key);
      const target = c && logTarget(key, c);
      if (!c || c.state.kind !== 'tracked' || !target) return;
      set(key, { ...c.state, log: 'busy' });
      const log = await convo.log(target, t('noMessageToLog'));
      const now = chips.get(key);
      if (now?.state.kind === 'tracked') set(key, { ...now.state, log });
      if (log === 'done') await refresh([key]);
    }

    function mount(key: string, conversation: Element | null, person: Person, anchor: Element) {
      const attrs: Record<string, string> = {};
      if (person.slug) attrs['data-slug'] = person.slug;
      if (person.memberId) attrs['data-member-id'] = person.memberId;
      const host = createInlineHost(document, attrs);
      anchor.insertAdjacentElement('afterend', host.el);
      chips.set(key, { conversation, person, host, state: { kind: 'loading' } });
      render(key);
    }

    function unmountAll() {
      for (const c of chips.values()) c.host.el.remove();
      chips.clear();
      scopes = new WeakMap();
    }

    /** Make the page match: a chip per partner of every open conversation and for a lead in view, none else. */
    function sync() {
      scheduled = false;
      if (!shown) {
        unmountAll();
        return;
      }
      const want = new Map<string, { conversation: Element | null; person: Person; anchor: Element }>();
      for (const p of readConversationPartners(document)) want.set(chipKey(p.conversation, p), { conversation: p.conversation, person: p, anchor: p.anchor });
      const lead = readSalesLead(document, location.href);
      if (lead) want.set(chipKey(null, lead), { conversation: null, person: lead, anchor: lead.anchor });
      for (const [key, c] of chips) {
        const w = want.get(key);
        if (!w || !c.host.el.isConnected || (c.conversation && !c.conversation.isConnected)) {
          c.host.el.remove();
          chips.delete(key);
          convo.forget(key);
        }
      }
      const added: string[] = [];
      for (const [key, w] of want) {
        if (chips.has(key)) continue;
        mount(key, w.conversation, w.person, w.anchor);
        added.push(key);
      }
      if (added.length) void refresh(added);
      // A newer message, or another thread in the same pane: the chips that stay say so.
      void checkLogs();
    }

    function schedule() {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(sync);
    }

    /**
     * Only page nodes matter: Jalur's own elements (these chips, the lists script's marks and bulk bar)
     * being added or removed must not wake the scan, nor even the check for conversations below (a
     * search page's 50 marks arrive over several frames, each a mutation).
     */
    const ours = (n: Node) => n.nodeType === 1 && (n as Element).tagName.startsWith('JALUR-');
    const pageNodes = (list: NodeList) => {
      for (let i = 0; i < list.length; i++) if (!ours(list[i]!)) return true;
      return false;
    };

    function watch() {
      observer?.disconnect();
      observer = new MutationObserver((records) => {
        if (!shown) return;
        if (!records.some((r) => pageNodes(r.addedNodes) || pageNodes(r.removedNodes))) return;
        // Off messaging, with no bubble open and no lead in view, the busy feed costs one cheap check.
        if (!chips.size && !conversations(document).length && !location.pathname.startsWith('/sales/lead/')) return;
        schedule();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    }

    // Injected by the background after the page's load event, at the router's request; the start still
    // runs in a task of its own (after-load.ts).
    startSurface(ctx, {
      schedule,
      refresh: () => void refresh(),
      setShown: (show) => {
        shown = show;
      },
      watch,
      stop: () => {
        observer?.disconnect();
        unmountAll();
      },
    });
  },
});
