// What one mark shows, rebuilt whole on each change (a mark is a handful of nodes).
//   tracked → the stage (a pill carrying data-stage), the score and an overdue flag; on a feed post,
//             "Log engagement" and then liked / commented / shared;
//   new     → on people search and a company's People tab only: "Add to pipeline", and a checkbox
//             while the rep is selecting several.
import type { PersonView } from '../../../lib/messaging/types';
import { stageLabel } from '../../shared/i18n';
import { h, tr } from './dom';

export type Engagement = 'liked' | 'commented' | 'shared';

export type MarkState =
  | {
      kind: 'tracked';
      person: PersonView;
      /** Feed posts only: where "Log engagement" is. */
      engage?: 'closed' | 'open' | 'busy' | 'done' | { error: string };
      /** Just added from this mark: say so and take focus. */
      added?: boolean;
    }
  | { kind: 'new'; busy: boolean; error: string | null; selecting: boolean; selected: boolean };

export interface MarkActions {
  add(): void;
  select(on: boolean): void;
  engage(what: Engagement | 'open' | 'close'): void;
}

const ENGAGEMENTS: [Engagement, 'markLiked' | 'markCommented' | 'markShared'][] = [
  ['liked', 'markLiked'],
  ['commented', 'markCommented'],
  ['shared', 'markShared'],
];

function tracked(p: PersonView, s: Extract<MarkState, { kind: 'tracked' }>, name: string, act: MarkActions): HTMLElement {
  const stage = stageLabel(p.stageKey, p.stageName);
  const overdue = !!p.nextFollowUp?.overdue && p.stageKind === 'open';
  const pill = h(
    'span',
    { class: 'pill', 'data-stage': p.stageKey, 'data-kind': p.stageKind, tabindex: '-1', title: `${p.name} · ${tr('scoreShort', String(p.score))}` },
    h('span', { class: 'dot', 'aria-hidden': 'true' }),
    stage,
    h('span', { class: 'score' }, '· ', tr('scoreShort', String(p.score))),
    overdue && h('span', { class: 'overdue', 'data-overdue': 'true', title: p.nextFollowUp?.title }, '· ', tr('markOverdue')),
  );
  const row = h('span', { class: 'row' }, pill);
  const e = s.engage;
  if (e === 'closed') row.append(h('button', { type: 'button', 'aria-expanded': 'false', onclick: () => act.engage('open') }, tr('logEngagement')));
  else if (e === 'open' || e === 'busy') {
    const group = h('span', { role: 'group', class: 'row', 'aria-label': tr('engagementGroup', name) });
    for (const [what, key] of ENGAGEMENTS) group.append(h('button', { type: 'button', disabled: e === 'busy', onclick: () => act.engage(what) }, tr(key)));
    group.append(h('button', { type: 'button', 'aria-label': tr('cancel'), title: tr('cancel'), onclick: () => act.engage('close') }, '×'));
    group.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Escape') act.engage('close');
    });
    row.append(group);
  } else if (e === 'done') row.append(h('span', { class: 'done', role: 'status' }, tr('engagementLogged')));
  else if (e && typeof e === 'object') row.append(h('span', { class: 'error', role: 'alert' }, e.error));
  if (s.added) row.append(h('span', { class: 'sr-only', role: 'status' }, tr('chipAdded', stage)));
  return row;
}

function fresh(s: Extract<MarkState, { kind: 'new' }>, name: string, act: MarkActions): HTMLElement {
  const row = h('span', { class: 'row' });
  if (s.selecting) {
    const box = h('input', { type: 'checkbox', 'aria-label': tr('bulkSelectPerson', name), checked: s.selected }) as HTMLInputElement;
    box.checked = s.selected;
    box.addEventListener('change', () => act.select(box.checked));
    row.append(h('label', {}, box));
  }
  row.append(
    h('button', { type: 'button', class: 'add', title: tr('markAddTitle', name), disabled: s.busy, onclick: () => act.add() }, '+ ', h('span', {}, tr('addToPipeline'))),
  );
  if (s.error) row.append(h('span', { class: 'error', role: 'alert' }, s.error));
  return row;
}

/** Replace the mark's content; focus stays where it was when the control survives, else moves to the pill. */
export function renderMark(mount: HTMLElement, state: MarkState, name: string, act: MarkActions): void {
  const root = mount.getRootNode() as ShadowRoot;
  const focused = root.activeElement;
  const hadFocus = !!focused && mount.contains(focused);
  const wasBox = hadFocus && focused instanceof HTMLInputElement;
  mount.replaceChildren(state.kind === 'tracked' ? tracked(state.person, state, name, act) : fresh(state, name, act));
  if (state.kind === 'tracked' && (state.added || hadFocus)) {
    const target = state.engage === 'open' ? mount.querySelector('[role="group"] button') : hadFocus && state.engage === 'closed' ? mount.querySelector('button') : null;
    ((target ?? mount.querySelector('.pill')) as HTMLElement | null)?.focus();
  } else if (hadFocus) (mount.querySelector(wasBox ? 'input' : 'button') as HTMLElement | null)?.focus();
}
