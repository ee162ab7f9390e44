// Which cards (or rows) are selected for a bulk action: toggle one, shift-click a range from the
// last one toggled, extend with Shift+arrows. The order is the order the rep sees (the board's
// columns one after the other, or a list top to bottom), so a range is what lies between on screen.
import { useMemo, useRef, useState } from 'preact/hooks';

export interface Selection {
  ids: ReadonlySet<string>;
  has: (id: string) => boolean;
  /** A click on a checkbox: with `range`, everything from the anchor to `id` takes the anchor's state. */
  toggle: (id: string, range?: boolean) => void;
  /** Shift+arrow from `from` to `to`: both end up selected, and `to` is the new anchor. */
  extend: (from: string, to: string) => void;
  clear: () => void;
  /** Drop ids no longer shown (deleted, filtered out). */
  keepOnly: (visible: ReadonlySet<string>) => void;
}

/** Pure: the selection after a toggle (exported for tests). */
export function toggled(selected: ReadonlySet<string>, order: readonly string[], id: string, anchor: string | null, range: boolean): Set<string> {
  const next = new Set(selected);
  const a = anchor === null ? -1 : order.indexOf(anchor);
  const b = order.indexOf(id);
  if (range && a >= 0 && b >= 0) {
    const on = selected.has(anchor!);
    const [lo, hi] = a < b ? [a, b] : [b, a];
    for (let i = lo; i <= hi; i++) {
      if (on) next.add(order[i]!);
      else next.delete(order[i]!);
    }
    return next;
  }
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

export function useSelection(order: readonly string[]): Selection {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);
  const orderRef = useRef(order);
  orderRef.current = order;
  return useMemo(
    () => ({
      ids,
      has: (id: string) => ids.has(id),
      toggle: (id: string, range = false) => {
        setIds((cur) => toggled(cur, orderRef.current, id, anchor.current, range));
        if (!range) anchor.current = id;
      },
      extend: (from: string, to: string) => {
        setIds((cur) => new Set([...cur, from, to]));
        anchor.current = to;
      },
      clear: () => {
        anchor.current = null;
        setIds(new Set());
      },
      keepOnly: (visible: ReadonlySet<string>) =>
        setIds((cur) => {
          const next = new Set([...cur].filter((id) => visible.has(id)));
          return next.size === cur.size ? cur : next;
        }),
    }),
    [ids],
  );
}
