// The board's first answer (issue 7): each column's totals under the rep's filter and its first cards,
// small enough to show at once while every card is still on its way.
import {
  addMoney,
  buildColumns,
  compareCards,
  fold,
  isFiltered,
  matches,
  moneyList,
  type BoardCard,
  type BoardColumn,
  type BoardFilter,
  type BoardStage,
  type Money,
} from './board';

/** A column's totals without its cards: what a preview sends ahead of the cards themselves. */
export interface ColumnSummary {
  stageId: string;
  count: number;
  value: Money[];
  stalled: number;
}

export interface BoardPreview {
  columns: ColumnSummary[];
  /** The first cards of every column, in column order then card order. */
  first: BoardCard[];
  /** Cards that pass the filter, and all cards. */
  shown: number;
  total: number;
}

/** Keeps `top` the first n cards in board order: one pass over a column instead of sorting all of it. */
function keepFirst(top: BoardCard[], c: BoardCard, n: number): void {
  if (top.length === n && compareCards(c, top[n - 1]!) >= 0) return;
  let lo = 0;
  let hi = top.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareCards(top[mid]!, c) <= 0) lo = mid + 1;
    else hi = mid;
  }
  top.splice(lo, 0, c);
  if (top.length > n) top.pop();
}

/**
 * What the side panel needs to show the board at once: each column's totals under the filter and its
 * first cards. The rest follows in a second, larger reply; opening the board does not wait for it.
 */
export function previewBoard(
  stages: readonly BoardStage[],
  cards: readonly BoardCard[],
  filter: BoardFilter,
  perColumn: number,
  defaultCurrency: string,
): BoardPreview {
  const at = new Map(stages.map((s, i) => [s.id, i]));
  const cols = stages.map(() => ({ count: 0, stalled: 0, sums: new Map<string, number>(), top: [] as BoardCard[] }));
  const filtered = isFiltered(filter);
  const q = fold(filter.query.trim());
  let shown = 0;
  for (const c of cards) {
    if (filtered && !matches(c, filter, q)) continue;
    shown++;
    const i = at.get(c.stageId);
    if (i === undefined) continue;
    const col = cols[i]!;
    col.count++;
    if (c.stalled) col.stalled++;
    if (c.dealValue !== null) addMoney(col.sums, c.currency ?? defaultCurrency, c.dealValue);
    keepFirst(col.top, c, perColumn);
  }
  return {
    columns: cols.map((c, i) => ({ stageId: stages[i]!.id, count: c.count, value: moneyList(c.sums), stalled: c.stalled })),
    first: cols.flatMap((c) => c.top),
    shown,
    total: cards.length,
  };
}

/** The preview's columns again, on the side panel's side: its first cards under each column's true totals. */
export function previewColumns(
  stages: readonly BoardStage[],
  first: readonly BoardCard[],
  summaries: readonly ColumnSummary[],
  defaultCurrency: string,
): BoardColumn[] {
  const byStage = new Map(summaries.map((s) => [s.stageId, s]));
  return buildColumns(stages, first, defaultCurrency).map((c) => {
    const s = byStage.get(c.stage.id);
    return s ? { ...c, count: s.count, value: s.value, stalled: s.stalled } : c;
  });
}
