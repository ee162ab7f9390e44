// The bulk-clip control above a list of results: "Select several to add", then a count, Select all,
// "Add N to pipeline" and Cancel; after adding, "N added, M already tracked". One small bar, shown only
// where there are at least two people to add.
import { h, shadowHost, tr, type Host } from './dom';

export const BULK_TAG = 'jalur-bulk';

export interface BulkState {
  selecting: boolean;
  selected: number;
  busy: boolean;
  /** The last summary (or error), kept visible until the next action. */
  said: string;
}

export interface BulkActions {
  start(): void;
  selectAll(): void;
  add(): void;
  cancel(): void;
}

export function createBulkBar(): Host {
  const host = shadowHost(BULK_TAG, {});
  host.el.style.display = 'block';
  return host;
}

export function renderBulkBar(mount: HTMLElement, s: BulkState, act: BulkActions): void {
  const root = mount.getRootNode() as ShadowRoot;
  // The bar and its status region are made once, so the summary is read out when it changes.
  let controls = mount.querySelector<HTMLElement>('.controls');
  let status = mount.querySelector<HTMLElement>('[role="status"]');
  if (!controls || !status) {
    controls = h('span', { class: 'controls row' });
    status = h('span', { role: 'status', class: 'count' });
    mount.replaceChildren(h('div', { class: 'bar', role: 'group', 'aria-label': tr('bulkRegion') }, controls, status));
  }
  const focused = root.activeElement as HTMLElement | null;
  const focusedAct = focused && controls.contains(focused) ? focused.dataset.act : undefined;
  if (!s.selecting) controls.replaceChildren(h('button', { type: 'button', 'data-act': 'start', onclick: act.start }, tr('bulkSelect')));
  else
    controls.replaceChildren(
      h('span', { class: 'count' }, tr('bulkSelectedCount', String(s.selected))),
      h('button', { type: 'button', 'data-act': 'all', onclick: act.selectAll }, tr('bulkSelectAll')),
      h(
        'button',
        // Busy keeps the button (and the rep's focus on it); the runner ignores presses meanwhile.
        { type: 'button', class: 'primary', 'data-act': 'add', disabled: s.selected === 0, 'aria-busy': s.busy ? 'true' : undefined, onclick: act.add },
        s.busy ? tr('bulkAdding') : tr('bulkAddSelected', String(s.selected)),
      ),
      h('button', { type: 'button', 'data-act': 'cancel', onclick: act.cancel }, tr('cancel')),
    );
  if (status.textContent !== s.said) status.textContent = s.said;
  if (focusedAct) {
    const next =
      controls.querySelector<HTMLElement>(`[data-act="${focusedAct}"]:not([disabled])`) ?? controls.querySelector<HTMLElement>('button:not([disabled])');
    next?.focus();
  }
}
