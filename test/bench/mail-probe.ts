// Main-world stopwatch for the mail benches (mail-chips.ts, mail-list.ts), bundled and injected before
// the page's own scripts, like chip-probe.ts for LinkedIn.
//
// Start: the mutation that brings the conversation in (a node matching `start`, e.g. Gmail's `h2.hP`
// subject) or the list (its `rows` rows), noticed by an observer on the document. Mutation callbacks
// run at the microtask checkpoint right after the task that changed the DOM — here the shell's render
// on hashchange/popstate — and this observer is older than the content script's, so the stamp comes
// before Jalur has done anything. Stop: every expected `jalur-inline[data-email]` has an open shadow
// root showing its button (untracked) or its `[data-stage]` (tracked), seen by observers on those
// shadow roots (document observers do not see inside them); or `marks` `jalur-mark`s show a stage.
// Each stop also leaves a performance mark, which the CDP trace of mail-list.ts uses as its clock.

export type ChipKind = 'button' | 'stage';

export interface ChipSample {
  inserted: number;
  /** When every expected chip element was on the page, in whatever state (loading included). */
  placed: number;
  /** performance.now() when each expected chip first showed its final kind. */
  shown: Record<string, number>;
  /** jalur-inline elements on the page when the last expected one showed (extras would be wrong chips). */
  chips: number;
}

export interface ListSample {
  inserted: number;
  done: number;
  marks: number;
}

export interface MailProbe {
  /** Watch for the next conversation: `start` matches its first markup, `expect` is its chips' final kinds. */
  armChips(start: string, expect: Record<string, ChipKind>): void;
  /** Watch for the next list of `rows` rows (`tr` matches one) until `marks` stage markers show. */
  armList(tr: string, rows: number, marks: number): void;
  chipSamples: ChipSample[];
  listSamples: ListSample[];
  /** A chip that showed the other kind than expected (a tracked person offered "Add to pipeline"). */
  errors: string[];
}
export type MailProbeWindow = { __jalurMailProbe: MailProbe };

type Armed =
  | { type: 'chips'; start: string; expect: Record<string, ChipKind>; inserted: number; placed: number; shown: Record<string, number> }
  | { type: 'list'; tr: string; rows: number; marks: number; inserted: number }
  | null;

let armed: Armed = null;
const watched = new WeakSet<ShadowRoot>();

function kindIn(root: ShadowRoot): ChipKind | null {
  if (root.querySelector('[data-stage]')) return 'stage';
  return root.querySelector('button') ? 'button' : null;
}

function watch(root: ShadowRoot): void {
  if (watched.has(root)) return;
  watched.add(root);
  new MutationObserver(check).observe(root, { childList: true, subtree: true, attributes: true });
}

function checkChips(a: Extract<Armed, { type: 'chips' }>, now: number): void {
  if (!a.inserted) {
    if (!document.querySelector(a.start)) return;
    a.inserted = now;
  }
  if (!a.placed && Object.keys(a.expect).every((e) => document.querySelector(`jalur-inline[data-email="${CSS.escape(e)}"]`)))
    a.placed = now;
  let pending = 0;
  for (const [email, want] of Object.entries(a.expect)) {
    if (a.shown[email]) continue;
    const root = document.querySelector(`jalur-inline[data-email="${CSS.escape(email)}"]`)?.shadowRoot;
    if (root) watch(root);
    const kind = root ? kindIn(root) : null;
    if (kind === want) a.shown[email] = now;
    else {
      const error = `${email}: ${kind}, expected ${want}`;
      if (kind && !probe.errors.includes(error)) probe.errors.push(error);
      pending++;
    }
  }
  if (pending) return;
  probe.chipSamples.push({
    inserted: a.inserted,
    placed: a.placed || now,
    shown: a.shown,
    chips: document.querySelectorAll('jalur-inline').length,
  });
  armed = null;
  performance.mark('jalur-chips-done');
}

function checkList(a: Extract<Armed, { type: 'list' }>, now: number): void {
  if (!a.inserted) {
    if (document.querySelectorAll(a.tr).length < a.rows) return;
    a.inserted = now;
  }
  let shown = 0;
  for (const m of Array.from(document.querySelectorAll('jalur-mark'))) {
    const root = m.shadowRoot;
    if (!root) continue;
    watch(root);
    if (root.querySelector('[data-stage]')) shown++;
  }
  if (shown < a.marks) return;
  probe.listSamples.push({ inserted: a.inserted, done: now, marks: shown });
  armed = null;
  performance.mark('jalur-marks-done');
}

function check(): void {
  const now = performance.now();
  if (armed?.type === 'chips') checkChips(armed, now);
  else if (armed?.type === 'list') checkList(armed, now);
}

const probe: MailProbe = {
  armChips(start, expect) {
    armed = { type: 'chips', start, expect, inserted: 0, placed: 0, shown: {} };
    performance.mark('jalur-nav');
  },
  armList(tr, rows, marks) {
    armed = { type: 'list', tr, rows, marks, inserted: 0 };
    performance.mark('jalur-nav');
  },
  chipSamples: [],
  listSamples: [],
  errors: [],
};
(window as unknown as MailProbeWindow).__jalurMailProbe = probe;

new MutationObserver(check).observe(document, { childList: true, subtree: true });
