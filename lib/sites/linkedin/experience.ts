// Current position from the experience card. Two traps: a company with several roles is rendered
// as a group whose header is the COMPANY (then its total duration) and whose roles follow; and an
// entry is not current when its date range has an end year.

import { companySlugFromUrl } from './company';
import { firstOf, visibleText } from './dom';
import { clean } from './text';
import * as S from './selectors';

export interface Position {
  title: string;
  company: string;
  /** Found through LinkedIn's analytics attributes (data-view-name) rather than classes/structure. */
  viaDataViewName: boolean;
  /** The company page the entry links to (its logo or name), when it links to one by slug. */
  companySlug?: string | null;
}

/**
 * The slug of a company link. A numeric id (`/company/1234567/`, what older pages link) is not the
 * page's slug — the company page itself shows the slug — so it says nothing here.
 */
export function companyLinkSlug(link: Element | null | undefined): string | null {
  const slug = link ? companySlugFromUrl(link.getAttribute('href') ?? '') : null;
  return slug && !/^\d+$/.test(slug) ? slug : null;
}

const withSlug = (ps: Position[], link: Element | null | undefined): Position[] => {
  const companySlug = companyLinkSlug(link);
  return companySlug ? ps.map((p) => ({ ...p, companySlug })) : ps;
};

/** A date line starts with a year or a month word and a year: "Jan 2020 - Present · 4 yrs", "2015 - 2019",
 * "2020年1月 - 至今"; "Class of 2020 Ventures" is a company, not a date line. */
const DATES = /^(?:[^\s\d·]{1,12}\s)?(?:19|20)\d{2}\b/;
/** "2019 - 2021 · 2 yrs", "Jan 2019 – Dec 2021": a range with an end year is a past position. */
const ENDED = /\b(?:19|20)\d{2}\b[^·]*?[-–—][^·]*?\b(?:19|20)\d{2}\b/;
/** "5 yrs 2 mos", "Full-time · 6 yrs", "3 thn 2 bln": a group header's summary, not a company line. */
const DURATION = /^(?:[\w-]+ · )?\d+\s*(?:yrs?|years?|mos?|months?|thn|tahun|bln|bulan)\b/i;
const EMPLOYMENT =
  /^(?:full-time|part-time|self-employed|freelance|contract|internship|apprenticeship|seasonal|purnawaktu|paruh waktu|wiraswasta|pekerja lepas|kontrak|magang)$/i;

function findSection(doc: Document): Element | null {
  const anchor = firstOf(doc, S.EXPERIENCE_ANCHOR);
  if (anchor) return anchor.matches(S.SECTION) ? anchor : (anchor.closest(S.SECTION) ?? anchor.parentElement);
  for (const h of Array.from(doc.querySelectorAll(S.SECTION_HEADING))) {
    if (S.EXPERIENCE_TITLES.includes(visibleText(h).toLowerCase())) return h.closest(S.SECTION);
  }
  return null;
}

const companyOf = (line: string) => clean(line.split(' · ')[0]);

/** Lines of one position: [title, "Company · Full-time", dates, location, …]. */
function single(ls: string[], via: boolean): (Position & { dated: boolean })[] {
  const dates = ls.find((l, i) => i > 0 && DATES.test(l)) ?? '';
  const second = ls[1] && ls[1] !== dates ? ls[1] : '';
  return ls[0] && !ENDED.test(dates) ? [{ title: ls[0], company: companyOf(second), viaDataViewName: via, dated: !!dates }] : [];
}

/** Lines of a company group: [company, duration, (location), role, (type), dates, …, role, dates, …]. */
function group(ls: string[], via: boolean): Position[] {
  const out: Position[] = [];
  let from = 2;
  for (let i = 2; i < ls.length; i++) {
    const line = ls[i]!;
    if (!DATES.test(line)) continue;
    let t = i - 1;
    while (t >= from && EMPLOYMENT.test(ls[t]!)) t--;
    if (t >= from && !ENDED.test(line)) out.push({ title: ls[t]!, company: ls[0] ?? '', viaDataViewName: via });
    from = i + 1;
  }
  return out;
}

const parse = (ls: string[], via: boolean): Position[] =>
  DURATION.test(ls[1] ?? '') ? group(ls, via) : single(ls, via).map(({ dated: _, ...p }) => p);

/** Current positions in the order the experience card shows them. */
export function currentPositions(doc: Document): Position[] {
  const section = findSection(doc);
  if (!section) return [];
  const [modern, pvs, legacySel] = S.EXPERIENCE_ENTITY;
  for (const sel of [modern!, pvs!]) {
    const top = Array.from(section.querySelectorAll(sel)).filter((e) => !e.parentElement?.closest(sel));
    if (!top.length) continue;
    const via = sel === modern;
    return top.flatMap((entity) => {
      const copies = Array.from(entity.querySelectorAll(S.VISIBLE_COPY));
      const own = copies
        .filter((c) => c.closest(sel) === entity)
        .map(visibleText)
        .filter(Boolean);
      // A group header has no dates of its own (company, total duration, location); nested entities
      // under an entry that has dates are its description or skills, not roles.
      const roles = own.some((l) => DATES.test(l)) ? [] : Array.from(entity.querySelectorAll(sel)).filter((e) => e !== entity);
      // The entry's (or the group's) first company link is its company's: logo and name link alike.
      const link = entity.querySelector(S.COMPANY_LINK);
      if (!roles.length) return withSlug(parse(copies.map(visibleText).filter(Boolean), via), link);
      return withSlug(
        roles.flatMap((r) =>
          single(Array.from(r.querySelectorAll(S.VISIBLE_COPY)).map(visibleText).filter(Boolean), via)
            .filter((p) => p.dated)
            .map((p) => ({ ...p, company: own[0] ?? '' })),
        ),
        link,
      );
    });
  }
  const legacyItems = Array.from(section.querySelectorAll(legacySel!));
  if (legacyItems.length) return legacyItems.flatMap(legacy);
  return sdui(section);
}

/** 2017–20 Ember positions; grouped ones list role items under a company summary. */
function legacy(entity: Element): Position[] {
  const text = (root: Element, sel: string) => visibleText(root.querySelector(sel));
  const roles = Array.from(entity.querySelectorAll(S.LEGACY_GROUP_ROLE));
  const items = roles.length ? roles : [entity];
  const groupCompany = text(entity, S.LEGACY_GROUP_COMPANY);
  const positions = items
    .filter((r) => text(r, S.LEGACY_TITLE) && !ENDED.test(text(r, S.LEGACY_DATES)))
    .map((r) => ({
      title: text(r, S.LEGACY_TITLE),
      company: roles.length ? groupCompany : companyOf(text(r, S.LEGACY_COMPANY)),
      viaDataViewName: false,
    }));
  return withSlug(positions, entity.querySelector(S.COMPANY_LINK));
}

/** 2025–26 SDUI: no entity markers; each position (or group) starts with a company-logo link tagged
 * data-view-name, and its texts are <p>s in the nearest container holding more than one. */
function sdui(section: Element): Position[] {
  return Array.from(section.querySelectorAll(S.EXPERIENCE_LOGO_LINK)).flatMap((link) => {
    let box: Element | null = link.parentElement;
    while (box && box !== section && box.querySelectorAll(S.SDUI_TEXT).length < 2) box = box.parentElement;
    if (!box || box === section) return [];
    return withSlug(parse(Array.from(box.querySelectorAll(S.SDUI_TEXT)).map(visibleText).filter(Boolean), true), link);
  });
}
