// One sync round: push what is queued, pull what teammates changed. Identity conflicts found while
// pushing are settled by pulling the team's prospect and merging the local duplicate into it; so is a
// pulled teammate's row that shares a key with a prospect this device has not pushed yet. A change
// the server refuses is set aside (lib/sync/quarantine.ts) and never holds up the rest.
import type { StoreContext } from '../store/context';
import { adoptCompany, settleCompanyClashes } from './company-conflicts';
import { mergeDuplicate, settleIdentityClashes } from './merge';
import { pullAll } from './pull';
import { pushOutbox } from './push';
import type { SyncTransport } from './transport';

export interface SyncRound {
  pushed: number;
  pulled: number;
  rejected: number;
  /** Changes set aside because a whole call failed on them; listed in options with the reason. */
  quarantined: number;
  merged: number;
}

/** Conflict rounds are bounded: each one removes at least one local duplicate. */
const MAX_MERGE_ROUNDS = 20;

export async function syncOnce(ctx: StoreContext, transport: SyncTransport): Promise<SyncRound> {
  const round: SyncRound = { pushed: 0, pulled: 0, rejected: 0, quarantined: 0, merged: 0 };
  for (let i = 0; i < MAX_MERGE_ROUNDS; i++) {
    const push = await pushOutbox(ctx, transport);
    round.pushed += push.sent;
    round.rejected += push.rejected;
    round.quarantined += push.quarantined;
    const companies = push.companyConflicts ?? [];
    if (push.conflicts.length === 0 && companies.length === 0) break;
    round.pulled += await pullAll(ctx, transport);
    for (const c of push.conflicts) if (await mergeDuplicate(ctx, c.localId, c.remoteId)) round.merged++;
    for (const c of companies) if (await adoptCompany(ctx, c.localId, c.remoteId)) round.merged++;
  }
  const pulled = await pullAll(ctx, transport);
  round.pulled += pulled;
  if (pulled > 0) round.merged += (await settleCompanyClashes(ctx)) + (await settleIdentityClashes(ctx));
  return round;
}
