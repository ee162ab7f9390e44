import { ownersOf, toCard, type BoardCard, type BoardOwner, type BoardStage } from '../pipeline/board';
import { packCards } from '../pipeline/board-pack';
import { previewBoard } from '../pipeline/board-preview';
import type { Stage } from '../model';
import type { StoreContext } from '../store/context';
import { boardSources, boardTeam, type BoardSources } from './board-cache';
import { CACHE_LIMITS } from '../store/cache-limits';
import { LruMap } from '../store/lru-map';
import type { BoardReply, BoardRequest } from './board-types';
import type { ValidRequest } from './schemas';
import type { RequestType, ResponseMap } from './types';

/**
 * The cards last built, per database. They stay valid while the sources, the stages' stale limits
 * and the minute are the same (a stalled flag a few seconds late is no loss), so the preview and the
 * full set that follows it are built once, and the full set is packed once.
 */
interface Built {
  key: string;
  cards: BoardCard[];
  ownerIds: string[];
  packed: { owners: string; text: string } | null;
}
// Bounded like the card cache (lib/store/cache-limits.ts): cards of the pipelines in use, none past the bound.
const built = new LruMap<string, Built>(() => CACHE_LIMITS.databases);

function cardsNow(ctx: StoreContext, stages: Stage[], sources: BoardSources, now: number): Built {
  const key = `${sources.generation}|${Math.floor(now / 60_000)}|${JSON.stringify(stages.map((s) => [s.id, s.kind, s.staleDays]))}`;
  const last = built.get(ctx.db.name);
  if (last?.key === key) return last;
  const stageById = new Map(stages.map((s) => [s.id, s]));
  const cards: BoardCard[] = [];
  const ownerIds = new Set<string>();
  for (const p of sources.prospects) {
    if (p.deletedAt !== null) continue;
    cards.push(toCard(p, stageById.get(p.stageId), sources.nextDue.get(p.id) ?? null, now));
    ownerIds.add(p.ownerId);
  }
  const next: Built = { key, cards, ownerIds: [...ownerIds], packed: null };
  if (cards.length <= CACHE_LIMITS.prospects) built.set(ctx.db.name, next);
  else built.delete(ctx.db.name);
  return next;
}

function packedText(b: Built, stages: BoardStage[], owners: BoardOwner[]): string {
  const ownersKey = JSON.stringify(owners.map((o) => o.id));
  if (b.packed?.owners !== ownersKey) b.packed = { owners: ownersKey, text: JSON.stringify(packCards(b.cards, stages, owners)) };
  return b.packed.text;
}

/**
 * Every live prospect as a compact card, or a preview: each column's totals under a filter and its
 * first cards. Card fields come from the background's cache (board-cache.ts); stalled flags and
 * silences are worked out from the stages as they are now.
 */
export async function boardReply(ctx: StoreContext, preview?: BoardRequest['preview']): Promise<BoardReply> {
  const now = ctx.now();
  // The stages and the card sources are read together: a worker that just woke waits for one round of
  // reads instead of two in a row.
  const [{ stages }, sources] = await Promise.all([boardTeam(ctx, []), boardSources(ctx.db)]);
  const b = cardsNow(ctx, stages, sources, now);
  const { names, defaultCurrency } = await boardTeam(ctx, [...b.ownerIds, ctx.userId]);
  const owners = ownersOf(b.cards, names, ctx.userId);
  const boardStages = stages.map((s) => ({ id: s.id, key: s.key, name: s.name, kind: s.kind, probability: s.probability }));
  const head = { asOf: now, stages: boardStages, owners, defaultCurrency };
  if (!preview) return { ...head, cards: packedText(b, boardStages, owners) };
  const { first, ...totals } = previewBoard(boardStages, b.cards, preview.filter, preview.perColumn, defaultCurrency);
  return { ...head, cards: JSON.stringify(packCards(first, boardStages, owners)), preview: totals };
}

export async function dispatchBoard(ctx: StoreContext, req: ValidRequest): Promise<ResponseMap[RequestType] | undefined> {
  switch (req.type) {
    case 'board':
      return boardReply(ctx, req.preview);
    default:
      return undefined;
  }
}
