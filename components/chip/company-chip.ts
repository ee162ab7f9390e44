// The company chip on a LinkedIn company page: plain DOM in a shadow root (no Preact: every byte here
// ships in the company content script, which must stay under 20 KB gzipped). Page text never reaches
// it: it shows only the background's answer (counts and the team's stage names), set as text.
import { stageLabel, t } from '../shared/i18n';
import { attachPageRoot } from './shadow-root';
import type { CompanySummary } from '../../lib/messaging/company-types';

export const COMPANY_TAG = 'jalur-inline';

const CSS = `:host{all:initial;display:inline-block;vertical-align:middle;margin-inline-start:8px;font:12px/1.4 system-ui,sans-serif;color:#0b2a5b}
.chip{display:inline-flex;gap:6px;align-items:center;flex-wrap:wrap;padding:2px 8px;border-radius:12px;background:#eef4ff;border:1px solid #c9d9f5}
.count{font-weight:600}.muted{color:#33507a}.error{color:#a1260d;font-weight:600}
ul{display:inline-flex;gap:4px;flex-wrap:wrap;list-style:none;margin:0;padding:0}
li{padding:0 6px;border-radius:8px;background:#fff;border:1px solid #c9d9f5}
button{all:unset;cursor:pointer;min-height:24px;display:inline-flex;align-items:center;padding:0 6px;border-radius:6px;color:#0a58ca;font-weight:600}
button[disabled]{opacity:.6;cursor:progress}button:hover{background:#c9d9f5}:focus-visible{outline:2px solid #0a58ca}
.dark{color:#e8eefa;color-scheme:dark}.dark .chip{background:#1f2b3d;border-color:#3a5680}.dark .muted{color:#b9c8e0}.dark .error{color:#ff9b85}
.dark li{background:#17202c;border-color:#3a5680}.dark button{color:#8ab4ff}.dark button:hover{background:#3a5680}`;

export type CompanyChipState =
  | { kind: 'loading' }
  | { kind: 'new'; busy: boolean; error: string | null }
  | { kind: 'tracked'; summary: CompanySummary; note: string | null }
  | { kind: 'error'; message: string };

export interface CompanyChipActions {
  onAdd(): void;
  onOpen(): void;
}

export interface CompanyChip {
  el: HTMLElement;
  render(state: CompanyChipState): void;
}

function node<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls: string | null, text?: string): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (cls) el.className = cls;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** "3 people in your pipeline" (en/id, singular and plural). */
export function peopleCount(n: number): string {
  return n === 1 ? t('companyPeopleOne') : t('companyPeopleMany', String(n));
}

export function createCompanyChip(doc: Document, slug: string, actions: CompanyChipActions): CompanyChip {
  const { el, mount, followTheme } = attachPageRoot(doc, COMPANY_TAG, { 'data-company': slug }, CSS);
  const box = node(doc, 'span', 'chip');
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', t('companyChipLabel'));
  mount.append(box);

  const button = (label: string, onClick: () => void, disabled = false) => {
    const b = node(doc, 'button', null, label);
    b.type = 'button';
    b.disabled = disabled;
    b.addEventListener('click', onClick);
    return b;
  };

  return {
    el,
    render(state) {
      followTheme();
      const parts: Node[] = [node(doc, 'span', 'muted', 'Jalur')];
      if (state.kind === 'loading') parts.push(node(doc, 'span', 'muted', t('loading')));
      else if (state.kind === 'error') parts.push(node(doc, 'span', 'error', state.message));
      else if (state.kind === 'new') {
        parts.push(button(state.busy ? t('companyAdding') : t('companyAdd'), actions.onAdd, state.busy));
        if (state.error) parts.push(node(doc, 'span', 'error', state.error));
      } else {
        const { summary } = state;
        const count = node(doc, 'span', 'count', peopleCount(summary.people));
        count.setAttribute('data-people', String(summary.people));
        parts.push(count);
        if (summary.stages.length) {
          const list = node(doc, 'ul', null);
          list.setAttribute('aria-label', t('companyByStage'));
          for (const s of summary.stages) {
            const li = node(doc, 'li', null, `${s.count} ${stageLabel(s.key, s.name)}`);
            li.setAttribute('data-stage', s.key);
            list.append(li);
          }
          parts.push(list);
        }
        parts.push(button(t('companyOpenAccount'), actions.onOpen));
        if (state.note) parts.push(node(doc, 'span', 'muted', state.note));
      }
      box.replaceChildren(...parts);
    },
  };
}
