// The inline layer on a mail app: a chip per external participant of the open conversation and a
// stage marker beside list rows whose sender is in the pipeline. Browser glue shared by the Gmail and
// Outlook content scripts; what to read from the page comes from their MailSite.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { askShow, showFromNotice } from '../../lib/content-script/page-settings';
import type { Notice, PersonView, TabRequest } from '../../lib/messaging/types';
import type { ExtractResult, ProspectDraft } from '../../lib/model/draft';
import { emailCapture, participantDraft, primaryParticipant, touchForMessage } from '../../lib/sites/mail/draft';
import type { MailSite } from '../../lib/sites/mail/site';
import { ask } from '../shared/api';
import { StageMark, type ChipState } from './InlineChip';
import { createInlineHost, createShadowHost, MARK_TAG, type InlineHost, type ShadowHost } from './inline-host';

interface Chip {
  host: InlineHost;
  anchor: Element;
  name: string | null;
  state: ChipState;
}

interface Mark {
  host: ShadowHost | null;
  email: string;
  anchor: Element;
}

/** Markers inserted per animation frame, so a long list never costs one long frame (budget 16 ms). */
const MARKS_PER_FRAME = 12;

const LOOKUP_BATCH = 200;

async function lookup(emails: string[]): Promise<Map<string, PersonView>> {
  const found = new Map<string, PersonView>();
  for (let i = 0; i < emails.length; i += LOOKUP_BATCH) {
    const reply = await ask({ type: 'lookup', slugs: [], emails: emails.slice(i, i + LOOKUP_BATCH) });
    if (!reply.ok) throw new Error(reply.error);
    for (const p of reply.data.people) found.set(p.key, p);
  }
  return found;
}

/** Typing in a reply or compose box, and our own elements, must never wake the scan. */
const OURS = 'jalur-inline, jalur-mark';

function ignorable(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  if (!el) return true;
  return !!el.closest(`[contenteditable="true"], [contenteditable=""], [role="textbox"], ${OURS}`);
}

/** A mutation that only adds or removes our own chips and markers (inserted beside the page's nodes). */
function onlyOurs(r: MutationRecord): boolean {
  const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
  return nodes.length > 0 && nodes.every((n) => n instanceof Element && n.matches(OURS));
}

export function runMailInline(ctx: ContentScriptContext, site: MailSite): void {
  const chips = new Map<string, Chip>();
  const marks = new Map<Element, Mark>();
  let owner: string | null = null;
  let scheduled = false;
  let observer: MutationObserver | null = null;
  let observed: Element | null = null;
  let announced = '';
  // "Show Jalur in Gmail and Outlook", as the background answers it (content scripts cannot read
  // extension storage). Until it says yes, and whenever it is off, the page is only read (for the popup,
  // the side panel and the shortcut): no element, attribute or style is added to it.
  let shown = false;

  /** Tell an open side panel that the people in view changed (another conversation, or back to the list). */
  function announce(people: string[]) {
    const key = people.join(',');
    if (key === announced) return;
    announced = key;
    const notice: Notice = { type: 'pageChanged', url: location.href };
    browser.runtime.sendMessage(notice).catch(() => undefined);
  }

  function render(email: string) {
    const c = chips.get(email);
    if (!c) return;
    c.host.render(c.state, { onAdd: () => void add(email), onLog: () => void log(email), site: 'mail' });
  }

  function setState(email: string, state: ChipState) {
    const c = chips.get(email);
    if (!c) return;
    c.state = state;
    render(email);
  }

  async function refreshChips(emails: string[]) {
    if (!emails.length) return;
    try {
      const found = await lookup(emails);
      for (const e of emails) {
        const person = found.get(e);
        const prev = chips.get(e)?.state;
        // A refresh after "log this email" must not offer to log the same message again.
        const log = prev?.kind === 'tracked' && prev.person.prospectId === person?.prospectId ? prev.log : 'ready';
        setState(e, person ? { kind: 'tracked', person, log } : { kind: 'new', busy: false, error: null });
      }
    } catch (err) {
      for (const e of emails) setState(e, { kind: 'error', message: (err as Error).message });
    }
  }

  async function refreshMarks(marksToCheck: Mark[]) {
    if (!marksToCheck.length) return;
    const found = await lookup([...new Set(marksToCheck.map((m) => m.email))]).catch(() => new Map<string, PersonView>());
    const pending = [...marksToCheck];
    const step = () => {
      for (const mark of pending.splice(0, MARKS_PER_FRAME)) {
        const person = found.get(mark.email);
        if (!person) {
          mark.host?.el.remove();
          mark.host = null;
          continue;
        }
        if (!mark.host) {
          if (!mark.anchor.isConnected || !shown) continue;
          mark.host = createShadowHost(document, MARK_TAG, { 'data-email': mark.email });
          mark.anchor.insertAdjacentElement('afterend', mark.host.el);
        }
        mark.host.render(<StageMark person={person} />);
      }
      if (pending.length) requestAnimationFrame(step);
    };
    step();
  }

  async function add(email: string) {
    const c = chips.get(email);
    if (!c) return;
    setState(email, { kind: 'new', busy: true, error: null });
    const reply = await ask({ type: 'capture', input: emailCapture(email, c.name) });
    if (!reply.ok) return setState(email, { kind: 'new', busy: false, error: reply.error });
    await refreshChips([email]);
  }

  async function log(email: string) {
    const c = chips.get(email);
    if (!c || c.state.kind !== 'tracked') return;
    const person = c.state.person;
    setState(email, { kind: 'tracked', person, log: 'busy' });
    const touch = touchForMessage(email, site.meta(document, owner));
    const reply = await ask({ type: 'logTouch', prospectId: person.prospectId, channel: 'email', ...touch });
    setState(email, { kind: 'tracked', person, log: reply.ok ? 'done' : { error: reply.error } });
  }

  /** Take every chip and mark out of the page (the option turned off, or the script stopped). */
  function clear() {
    for (const c of chips.values()) c.host.el.remove();
    for (const m of marks.values()) m.host?.el.remove();
    chips.clear();
    marks.clear();
  }

  /** Bring the page's chips and marks in line with what it shows; cheap when nothing changed. */
  function sync() {
    scheduled = false;
    rescope();
    const view = site.view(location.href);
    owner = site.owner(document) ?? owner;

    const people = view?.kind === 'conversation' ? site.participants(document, owner) : [];
    if (!shown) {
      clear();
      announce(people.map((p) => p.email));
      return;
    }
    const present = new Set<string>();
    const added: string[] = [];
    for (const p of people) {
      present.add(p.email);
      const c = chips.get(p.email);
      if (c && c.anchor === p.anchor && c.host.el.isConnected) continue;
      c?.host.el.remove();
      const host = createInlineHost(document, { 'data-email': p.email });
      p.anchor.insertAdjacentElement('afterend', host.el);
      chips.set(p.email, { host, anchor: p.anchor, name: p.name, state: c?.state ?? { kind: 'loading' } });
      render(p.email);
      if (!c) added.push(p.email);
    }
    for (const [email, c] of chips) {
      if (!present.has(email)) {
        c.host.el.remove();
        chips.delete(email);
      }
    }
    announce([...present]);

    const rows = view?.kind === 'list' ? site.listRows(document, owner) : [];
    const fresh: Mark[] = [];
    const live = new Set<Element>();
    for (const r of rows) {
      live.add(r.row);
      const m = marks.get(r.row);
      if (m && m.email === r.email && (m.host === null || m.host.el.isConnected)) continue;
      m?.host?.el.remove();
      const mark: Mark = { host: null, email: r.email, anchor: r.anchor };
      marks.set(r.row, mark);
      fresh.push(mark);
    }
    for (const [row, m] of marks) {
      if (!live.has(row)) {
        m.host?.el.remove();
        marks.delete(row);
      }
    }
    void refreshChips(added);
    void refreshMarks(fresh);
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(sync);
  }

  /** Watch only the app's main region once it exists (the body until then), and never our own nodes or text being typed. */
  function rescope() {
    const target = site.main(document) ?? document.body;
    if (target === observed) return;
    observer?.disconnect();
    observed = target;
    observer = new MutationObserver((records) => {
      if (records.every((r) => ignorable(r.target) || onlyOurs(r))) return;
      schedule();
    });
    observer.observe(target, { childList: true, subtree: true });
  }

  function drafts(): ProspectDraft[] {
    const people = site.participants(document, owner);
    const first = primaryParticipant(people, site.meta(document, owner));
    const ordered = first ? [first, ...people.filter((p) => p !== first)] : people;
    return ordered.map((p) => participantDraft(site.site, p));
  }

  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  // The app may replace its whole main region (and with it our scoped observer's target): a body-level
  // watch, without subtree, notices that cheaply.
  const shell = new MutationObserver(schedule);
  shell.observe(document.body, { childList: true });
  browser.runtime.onMessage.addListener((msg: unknown) => {
    const m = msg as TabRequest | { type: 'changed' } | undefined;
    if (m?.type === 'people') return Promise.resolve(drafts());
    if (m?.type === 'extract') {
      const d = drafts()[0];
      const r: ExtractResult = d ? { ok: true, draft: d } : { ok: false, reason: 'not-a-profile' };
      return Promise.resolve(r);
    }
    if (m?.type === 'changed') {
      void refreshChips([...chips.keys()]);
      void refreshMarks([...marks.values()]);
    }
    const show = showFromNotice(msg, 'showOnMail');
    if (show !== null) {
      shown = show;
      schedule();
    }
    return undefined;
  });
  ctx.onInvalidated(() => {
    observer?.disconnect();
    shell.disconnect();
    clear();
  });
  schedule();
  void askShow('showOnMail').then((yes) => {
    shown = yes;
    if (yes) schedule();
  });
}
