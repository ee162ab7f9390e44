// Which of the side panel's views its nav (the Person / Today / Board / Gone dark / Insights tabs)
// marks as the one shown. Pure, so the rule is tested without a panel.

export type View = 'person' | 'today' | 'board' | 'goneDark' | 'insights';

export interface PanelShows {
  /** The view the panel would show (chosen by the rep, or following the tab). */
  view: View;
  /** A prospect's record is open, picked from `pickedFrom`. */
  picked: boolean;
  /**
   * The view the record was picked from (a row of Today, a card of the board, a search from a view),
   * or null when it was opened directly: `sidepanel.html?person=<id>`, or a person asked for from the
   * popup.
   */
  pickedFrom: View | null;
  /** An account (company) is open, or under the open record: from a company line, `?account=`, or the tab's company page. */
  account: boolean;
}

/**
 * The tab to mark selected, or null for none. An account has no tab of its own: while one is shown
 * (and while a person opened from it is, since Back returns to it) no view is marked, rather than the
 * Today or Person view that is not on screen. A person opened from a view keeps that view marked:
 * choosing it goes back. A person opened directly came from no view: Person is marked, the view a
 * rep looks at one person in (not Today, whose queue is not on screen; not none, which says "a
 * company" on this bar).
 */
export function selectedView(s: PanelShows): View | null {
  if (s.account) return null;
  if (!s.picked) return s.view;
  return s.pickedFrom ?? 'person';
}
