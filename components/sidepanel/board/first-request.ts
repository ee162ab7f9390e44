// The board's first read (a preview: each column's totals and its first cards), shared by the panel's
// first script (which sends it before the view is loaded, see ../early.ts) and useBoardData. Only a type
// import, so the early request's code stays a few lines beside the panel's entry, not a shared chunk.
import type { BoardFilter } from '../../../lib/pipeline/board';

/** Cards per column in the first, small reply: a tall panel shows about eight. */
export const PREVIEW_PER_COLUMN = 24;

/** Where the rep's board filters are kept for the panel's lifetime (see filter-state.ts). */
export const FILTER_KEY = 'jalur:board-filter';

export const previewRequest = (filter: BoardFilter) => ({ type: 'board' as const, preview: { filter, perColumn: PREVIEW_PER_COLUMN } });

/** The name an early preview's reply is kept under: it is for that filter only. */
export const previewKey = (filter: BoardFilter) => `board:${JSON.stringify(filter)}`;

/**
 * The preview a panel opening on the board asks for first: with no filters kept (a panel just opened),
 * the unfiltered board (lib/pipeline/board's EMPTY_FILTER, as the board's own filter state reads it;
 * a unit test keeps them equal). Kept filters are read by the board itself (their check needs the
 * model's lists), so then nothing is asked early.
 */
export function earlyPreviewFilter(kept: string | null): BoardFilter | null {
  return kept === null ? { ownerId: null, source: null, temperature: null, stalledOnly: false, gate: 'all', query: '' } : null;
}
