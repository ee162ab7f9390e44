// Caches beside the database (board, search index) learn what changed from Dexie's storage-mutated
// event, whose parts are range sets keyed by table URL.

/** Dexie's RangeSet is a binary tree of {from, to, l, r}; after a BroadcastChannel hop it is a plain object. */
export interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode | null;
  r?: RangeNode | null;
}

/** The single keys a range set names, or null when it names any range wider than one key. */
export function singleKeys(node: RangeNode | null | undefined, into: string[]): string[] | null {
  if (!node || !('from' in node)) return into;
  if (singleKeys(node.l, into) === null) return null;
  if (typeof node.from !== 'string' || node.from !== node.to) return null;
  into.push(node.from);
  return singleKeys(node.r, into);
}
