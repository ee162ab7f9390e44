// Board cards on the wire (issue 7): 10,000 of them cross the message boundary when the board opens.
import { SOURCES } from '../model/sources';
import type { BoardCard } from './board';
import { daysSince } from './staleness';

/**
 * Cards as parallel arrays, stage and owner as positions in the reply's own lists, yes/no fields as
 * bits: 10,000 cards cross the message boundary (JSON) in about a third of the bytes of objects.
 */
export interface PackedCards {
  id: string[];
  name: string[];
  company: (string | null)[];
  /** Index into the reply's stages; -1 when the stage is unknown. */
  stage: number[];
  score: number[];
  value: (number | null)[];
  currency: (string | null)[];
  /** Index into the reply's owners. */
  owner: number[];
  /** Index into SOURCES. */
  source: number[];
  /** Bits: WARM, MQL, SQL, STALLED. */
  flags: number[];
  /**
   * Where each card's silence counts from, not its days: the days are worked out against the reply's
   * `asOf` when unpacked, so a kept reply shown later (the panel's stored first screen) says the days
   * as of the moment it is shown.
   */
  since: number[];
  nextDue: (number | null)[];
}

const WARM = 1;
const MQL = 2;
const SQL = 4;
const STALLED = 8;

export function packCards(cards: readonly BoardCard[], stages: readonly { id: string }[], owners: readonly { id: string }[]): PackedCards {
  const stageAt = new Map(stages.map((s, i) => [s.id, i]));
  const ownerAt = new Map(owners.map((o, i) => [o.id, i]));
  const sourceAt = new Map(SOURCES.map((s, i) => [s as string, i]));
  const out: PackedCards = {
    id: [],
    name: [],
    company: [],
    stage: [],
    score: [],
    value: [],
    currency: [],
    owner: [],
    source: [],
    flags: [],
    since: [],
    nextDue: [],
  };
  for (const c of cards) {
    const owner = ownerAt.get(c.ownerId);
    if (owner === undefined) throw new Error(`owner ${c.ownerId} missing from the owners list`);
    out.id.push(c.id);
    out.name.push(c.name);
    out.company.push(c.company);
    out.stage.push(stageAt.get(c.stageId) ?? -1);
    out.score.push(c.score);
    out.value.push(c.dealValue);
    out.currency.push(c.currency);
    out.owner.push(owner);
    out.source.push(sourceAt.get(c.source) ?? 0);
    out.flags.push((c.temperature === 'warm' ? WARM : 0) | (c.mql ? MQL : 0) | (c.sql ? SQL : 0) | (c.stalled ? STALLED : 0));
    out.since.push(c.silentSince);
    out.nextDue.push(c.nextDueAt);
  }
  return out;
}

export function unpackCards(p: PackedCards, stages: readonly { id: string }[], owners: readonly { id: string }[], asOf: number): BoardCard[] {
  const cards: BoardCard[] = new Array(p.id.length);
  for (let i = 0; i < p.id.length; i++) {
    const flags = p.flags[i]!;
    cards[i] = {
      id: p.id[i]!,
      name: p.name[i]!,
      company: p.company[i]!,
      stageId: stages[p.stage[i]!]?.id ?? '',
      score: p.score[i]!,
      dealValue: p.value[i]!,
      currency: p.currency[i]!,
      ownerId: owners[p.owner[i]!]?.id ?? '',
      source: SOURCES[p.source[i]!] ?? SOURCES[0],
      temperature: flags & WARM ? 'warm' : 'cold',
      mql: (flags & MQL) !== 0,
      sql: (flags & SQL) !== 0,
      stalled: (flags & STALLED) !== 0,
      silenceDays: daysSince(p.since[i]!, asOf),
      silentSince: p.since[i]!,
      nextDueAt: p.nextDue[i]!,
    };
  }
  return cards;
}
