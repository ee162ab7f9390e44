// The built-in lost reasons a rep picks from when a deal is lost (a team may set its own list in
// its settings). Keys: the UI shows each as `lostReason_<key>` in its language. No zod here, so the
// inline chip can import it.
export const DEFAULT_LOST_REASONS = ['price', 'competitor', 'no_budget', 'timing', 'no_decision', 'no_response', 'not_a_fit'] as const;
