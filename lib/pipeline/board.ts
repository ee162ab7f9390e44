// The board (issue 7): one column per stage, a compact card per prospect. Pure shaping, grouping and
// filtering; the background builds the cards, the side panel filters and groups them as the rep types.
//
// Decisions:
// - Money. A column sums its deal values per currency and shows each currency's total: adding rupiah
//   to dollars without a rate would be a made-up number. A deal with no currency counts in the team's
//   default currency (the currency the rep meant when typing a bare number). Cards without a value
//   are counted, not valued.
// - Order in a column: the next follow-up soonest first (overdue on top), then cards with nothing
//   scheduled by score, then name; a rep works a column top-down.
// - Score is the stored one (refreshed whenever the prospect is viewed or changed); recomputing
//   10,000 scores to open a board would cost more than the board itself.
import type { Source, StageKind, Temperature } from '../model/enums';
import { isStalled, silenceDays, silentSince } from './staleness';

/** What a card needs, and nothing more: 10,000 of them cross the message boundary on open. */
export interface BoardCard {
  id: string;
  name: string;
  company: string | null;
  stageId: string;
  score: number;
  dealValue: number | null;
  currency: string | null;
  ownerId: string;
  source: Source;
  temperature: Temperature;
  mql: boolean;
  sql: boolean;
  stalled: boolean;
  silenceDays: number;
  /** Where the days of silence count from (latest of last touch, stage entry, capture). */
  silentSince: number;
  /** When the earliest open follow-up falls due (snoozes included); null when none is open. */
  nextDueAt: number | null;
}

export interface BoardStage {
  id: string;
  key: string;
  /** The team's own name, or null for the localised default. */
  name: string | null;
  kind: StageKind;
  /** Win probability in percent (the team's pipeline settings): a column's weighted value. */
  probability?: number;
}

export interface BoardOwner {
  id: string;
  /** How the team knows them; null when unknown (local mode). */
  name: string | null;
  /** The rep looking at the board. */
  you: boolean;
}

export type GateFilter = 'all' | 'mql' | 'sql' | 'none';

export interface BoardFilter {
  ownerId: string | null;
  source: Source | null;
  temperature: Temperature | null;
  stalledOnly: boolean;
  /** mql: reached MQL; sql: accepted as SQL; none: neither gate passed yet. */
  gate: GateFilter;
  query: string;
}

export const EMPTY_FILTER: BoardFilter = { ownerId: null, source: null, temperature: null, stalledOnly: false, gate: 'all', query: '' };

export interface Money {
  currency: string;
  amount: number;
}

export interface BoardColumn {
  stage: BoardStage;
  /** How many cards the column holds; more than cards.length when only its first cards are here (a preview). */
  count: number;
  cards: BoardCard[];
  /** Per currency, largest first. */
  value: Money[];
  stalled: number;
}

/** Fields of a stored prospect the card is made from (a structural subset of Prospect). */
export interface CardSource {
  id: string;
  name: string;
  company: string | null;
  stageId: string;
  score: number;
  dealValue: number | null;
  currency: string | null;
  ownerId: string;
  source: Source;
  temperature: Temperature;
  mqlAt: number | null;
  sqlAt: number | null;
  lastTouchAt: number | null;
  stageEnteredAt: number;
  createdAt: number;
}

export interface CardStage {
  kind: StageKind;
  staleDays: number | null;
}

export function toCard(p: CardSource, stage: CardStage | undefined, nextDueAt: number | null, now: number): BoardCard {
  return {
    id: p.id,
    name: p.name,
    company: p.company,
    stageId: p.stageId,
    score: p.score,
    dealValue: p.dealValue,
    currency: p.currency,
    ownerId: p.ownerId,
    source: p.source,
    temperature: p.temperature,
    mql: p.mqlAt !== null,
    sql: p.sqlAt !== null,
    stalled: stage ? isStalled({ ...p, stageKind: stage.kind, staleDays: stage.staleDays }, now) : false,
    silenceDays: silenceDays(p, now),
    silentSince: silentSince(p),
    nextDueAt,
  };
}

/** Earliest open due time per prospect, from open follow-ups (rows whose openDueAt is set). */
export function nextDueByProspect(open: Iterable<{ prospectId: string; openDueAt?: number }>): Map<string, number> {
  const next = new Map<string, number>();
  for (const f of open) {
    if (f.openDueAt === undefined) continue;
    const seen = next.get(f.prospectId);
    if (seen === undefined || f.openDueAt < seen) next.set(f.prospectId, f.openDueAt);
  }
  return next;
}

/** Accents and case do not matter when a rep types a name ("tomas" finds "Tomás"). */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

// Folding 10,000 names on every keystroke would show; a card's text is folded once.
const folded = new WeakMap<BoardCard, string>();
function hay(c: BoardCard): string {
  let h = folded.get(c);
  if (h === undefined) {
    h = fold(c.company ? `${c.name}\n${c.company}` : c.name);
    folded.set(c, h);
  }
  return h;
}

export function isFiltered(f: BoardFilter): boolean {
  return f.ownerId !== null || f.source !== null || f.temperature !== null || f.stalledOnly || f.gate !== 'all' || f.query.trim() !== '';
}

export function matches(c: BoardCard, f: BoardFilter, q = fold(f.query.trim())): boolean {
  if (f.ownerId !== null && c.ownerId !== f.ownerId) return false;
  if (f.source !== null && c.source !== f.source) return false;
  if (f.temperature !== null && c.temperature !== f.temperature) return false;
  if (f.stalledOnly && !c.stalled) return false;
  if (f.gate === 'mql' && !c.mql) return false;
  if (f.gate === 'sql' && !c.sql) return false;
  if (f.gate === 'none' && (c.mql || c.sql)) return false;
  return q === '' || hay(c).includes(q);
}

export function filterCards(cards: readonly BoardCard[], f: BoardFilter): BoardCard[] {
  if (!isFiltered(f)) return cards.slice();
  const q = fold(f.query.trim());
  return cards.filter((c) => matches(c, f, q));
}

export function compareCards(a: BoardCard, b: BoardCard): number {
  if (a.nextDueAt !== b.nextDueAt) {
    if (a.nextDueAt === null) return 1;
    if (b.nextDueAt === null) return -1;
    return a.nextDueAt - b.nextDueAt;
  }
  // Plain code-unit order for the last tie-breakers: localeCompare costs too much across 10,000 cards.
  return b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function addMoney(sums: Map<string, number>, currency: string, amount: number): void {
  sums.set(currency, (sums.get(currency) ?? 0) + amount);
}

/** Rounded to cents (float sums drift), largest first. */
export function moneyList(sums: ReadonlyMap<string, number>): Money[] {
  return [...sums]
    .map(([currency, amount]) => ({ currency, amount: Math.round(amount * 100) / 100 }))
    .sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency));
}

/** Sums per currency; a value without a currency is in the team's default currency. */
export function sumValues(cards: readonly BoardCard[], defaultCurrency: string): Money[] {
  const sums = new Map<string, number>();
  for (const c of cards) if (c.dealValue !== null) addMoney(sums, c.currency ?? defaultCurrency, c.dealValue);
  return moneyList(sums);
}

/** Totals of several columns, still per currency. */
export function mergeMoney(lists: readonly (readonly Money[])[]): Money[] {
  const sums = new Map<string, number>();
  for (const list of lists) for (const m of list) addMoney(sums, m.currency, m.amount);
  return moneyList(sums);
}

/**
 * One column per stage in the given order (stages come ordered from the store), each card sorted.
 * A card whose stage is unknown (deleted since, or not yet pulled) is left out, not guessed at.
 */
export function buildColumns(stages: readonly BoardStage[], cards: readonly BoardCard[], defaultCurrency: string): BoardColumn[] {
  const byStage = new Map<string, BoardCard[]>(stages.map((s) => [s.id, []]));
  for (const c of cards) byStage.get(c.stageId)?.push(c);
  return stages.map((stage) => {
    const list = byStage.get(stage.id)!.sort(compareCards);
    let stalled = 0;
    for (const c of list) if (c.stalled) stalled++;
    return { stage, count: list.length, cards: list, value: sumValues(list, defaultCurrency), stalled };
  });
}

/**
 * The card after a move the background accepted, before the re-read arrives: in its new stage, in
 * for a fresh silence (entering a stage restarts the clock) and so no longer stalled.
 */
export function moveCard(cards: readonly BoardCard[], id: string, stageId: string): BoardCard[] {
  return cards.map((c) => (c.id === id && c.stageId !== stageId ? { ...c, stageId, stalled: false, silenceDays: 0 } : c));
}

/** Distinct owners of the cards, the rep first, then by name. */
export function ownersOf(cards: readonly BoardCard[], names: ReadonlyMap<string, string | null>, you: string): BoardOwner[] {
  const ids = new Set<string>([you]);
  for (const c of cards) ids.add(c.ownerId);
  return [...ids]
    .map((id) => ({ id, name: names.get(id) ?? null, you: id === you }))
    .sort((a, b) => Number(b.you) - Number(a.you) || (a.name ?? a.id).localeCompare(b.name ?? b.id));
}
