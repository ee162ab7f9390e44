import { useEffect, useState } from 'preact/hooks';
import type { Source } from '../../../lib/model/enums';
import { SOURCES } from '../../../lib/model/sources';
import { EMPTY_FILTER, type BoardFilter, type GateFilter } from '../../../lib/pipeline/board';
import { FILTER_KEY as KEY } from './first-request';
import { readPageState, writePageState } from '../page-state';
const GATES: readonly GateFilter[] = ['all', 'mql', 'sql', 'none'];

/** Whatever the page kept is checked field by field; anything odd falls back to "no filter". */
export function parseFilter(raw: string | null): BoardFilter {
  let v: Record<string, unknown>;
  try {
    v = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    return EMPTY_FILTER;
  }
  if (typeof v !== 'object' || v === null) return EMPTY_FILTER;
  return {
    ownerId: typeof v.ownerId === 'string' ? v.ownerId.slice(0, 100) : null,
    source: SOURCES.includes(v.source as Source) ? (v.source as Source) : null,
    temperature: v.temperature === 'cold' || v.temperature === 'warm' ? v.temperature : null,
    stalledOnly: v.stalledOnly === true,
    gate: GATES.includes(v.gate as GateFilter) ? (v.gate as GateFilter) : 'all',
    query: typeof v.query === 'string' ? v.query.slice(0, 200) : '',
  };
}

/**
 * The rep's filters, kept for the panel's lifetime: opening a card's record and coming back (which
 * remounts the board) or reloading the panel keeps them.
 */
export function storedFilter(): BoardFilter {
  // The text comes from the panel's one search box, which starts empty; only the filters are kept.
  return { ...parseFilter(readPageState(KEY)), query: '' };
}

/** How many filters narrow the board (the text search aside): the count on the folded Filters button. */
export function activeFilters(f: BoardFilter): number {
  return [f.ownerId !== null, f.source !== null, f.temperature !== null, f.stalledOnly, f.gate !== 'all'].filter(Boolean).length;
}

export function useBoardFilter(): [BoardFilter, (f: BoardFilter) => void] {
  const [filter, setFilter] = useState<BoardFilter>(storedFilter);
  useEffect(() => writePageState(KEY, JSON.stringify(filter)), [filter]);
  return [filter, setFilter];
}

/** `sidepanel.html?view=board` opens on the board (a popped-out board window, the bench). */
export function boardRequested(search: string): boolean {
  return new URLSearchParams(search).get('view') === 'board';
}
