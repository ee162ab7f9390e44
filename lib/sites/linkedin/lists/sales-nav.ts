// Sales Navigator search results and lead lists. Rows link to the lead by its Sales Navigator id
// (`/sales/lead/ACwAA…,NAME_SEARCH,x`); the fields sit in `data-anonymize` elements, which Sales
// Navigator keeps for its screenshot-privacy mode and which outlived every class rename.
import * as S from '../selectors';
import { visibleText } from '../dom';
import { cap, cleanName } from '../text';
import { personFromHref } from './identity';
import { isRowNoise, rowsOf } from './row';
import type { ListPerson, Surface, SurfaceReader } from './types';

function text(row: Element, sel: string, max: number): string | null {
  const el = row.querySelector(sel);
  const t = el ? visibleText(el) : '';
  return t && !isRowNoise(t) ? cap(t, max) : null;
}

function readLead(surface: Surface, row: Element): ListPerson | null {
  const nameEl = row.querySelector(S.SALES_NAME);
  const link = nameEl?.closest('a') ?? row.querySelector('a[href*="/sales/lead/"], a[href*="/sales/people/"]');
  const key = personFromHref(link?.getAttribute('href'));
  const name = cleanName(visibleText(nameEl ?? link));
  if (!key || !link || !name || isRowNoise(name)) return null;
  // A public profile link on the row (lists show one) gives the slug as well.
  const pub = Array.from(row.querySelectorAll('a[href*="/in/"]'))
    .map((a) => personFromHref(a.getAttribute('href')))
    .find((k) => k?.slug);
  const title = text(row, S.SALES_TITLE, 200);
  const company = text(row, S.SALES_COMPANY, 200);
  return {
    surface,
    row,
    anchor: link,
    slug: pub?.slug ?? null,
    memberId: key.memberId,
    name,
    headline: title && company ? `${title} at ${company}` : (title ?? company),
    title,
    company,
    location: text(row, S.SALES_LOCATION, 120),
  };
}

export const salesSearch: SurfaceReader = {
  surface: 'sales-search',
  applies: (path) => path.startsWith('/sales/search'),
  rows: (doc) => rowsOf(doc, S.SALES_ROWS.slice(0, 2)),
  read: (row) => readLead('sales-search', row),
};

export const salesList: SurfaceReader = {
  surface: 'sales-list',
  applies: (path) => path.startsWith('/sales/lists'),
  rows: (doc) => rowsOf(doc, S.SALES_ROWS.slice(2)),
  read: (row) => readLead('sales-list', row),
};
