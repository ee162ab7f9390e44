// Main-world stopwatch for chip-latency.ts, bundled and injected before the page's own scripts.
// Bundled rather than passed as a function: tsx adds helpers to named functions that the page lacks.

export interface ChipSample {
  slug: string;
  inserted: number;
  shown: number;
  kind: 'button' | 'stage';
}
export interface ChipProbe {
  /** Slug of the profile being navigated to; null once its chip has been seen. */
  target: string | null;
  inserted: number;
  samples: ChipSample[];
}
export type ProbeWindow = { __jalurProbe: ChipProbe };

/*
 * Start: the mutation that brings the profile's h1 in (the shell's innerHTML swap). Stop: the chip for
 * that slug shows its button or its stage — seen by a second observer on the chip's open shadow root,
 * since observers on the document do not see inside it. Mutation callbacks run right after the task
 * that changed the DOM, so both stamps are tight.
 */
const probe: ChipProbe = { target: null, inserted: 0, samples: [] };
(window as unknown as ProbeWindow).__jalurProbe = probe;
const watched = new WeakSet<ShadowRoot>();

function check(root: ShadowRoot): void {
  const target = probe.target;
  if (!target || !probe.inserted) return;
  const stage = root.querySelector('[data-stage]');
  if (!stage && !root.querySelector('button')) return;
  probe.samples.push({ slug: target, inserted: probe.inserted, shown: performance.now(), kind: stage ? 'stage' : 'button' });
  probe.target = null;
}

new MutationObserver(() => {
  const now = performance.now();
  const target = probe.target;
  if (!target) return;
  if (!probe.inserted && document.querySelector('#main h1')) probe.inserted = now;
  const root = document.querySelector(`jalur-inline[data-slug="${target}"]`)?.shadowRoot;
  if (!root || watched.has(root)) return;
  watched.add(root);
  new MutationObserver(() => check(root)).observe(root, { childList: true, subtree: true, attributes: true });
  check(root);
}).observe(document, { childList: true, subtree: true });
