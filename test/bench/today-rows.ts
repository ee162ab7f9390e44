import { FOLLOW_UP_CADENCE_DEFAULTS, type FollowUp } from '../../lib/model';
import { DAY_MS } from '../../lib/pipeline/staleness';
import { prng } from './rows';

const HOUR = 3_600_000;

function uuid(rand: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(rand() * 4)]}${hex(3)}-${hex(12)}`;
}

/**
 * A heavy day for the Today bench: `due` open follow-ups in the queue's window — 60 % overdue (up to
 * 30 days back), the rest later today or in the next 6 days — a third of them cadence steps; plus as
 * many closed ones that the queue must not read.
 */
export function todayFollowUps(seed: number, due: number, now: number, prospectIds: readonly string[], cadenceId: string | null) {
  const rand = prng(seed);
  const rows: FollowUp[] = [];
  let overdue = 0;
  for (let i = 0; i < due * 2; i++) {
    const open = i < due;
    const r = rand();
    const dueAt =
      r < 0.6
        ? now - 1 - Math.floor(rand() * 30 * DAY_MS)
        : r < 0.7
          ? now + 1 + Math.floor(rand() * 4 * HOUR)
          : now + DAY_MS + Math.floor(rand() * 5 * DAY_MS);
    if (open && dueAt <= now) overdue++;
    const step = cadenceId && rand() < 0.33 ? Math.floor(rand() * 8) : null;
    rows.push({
      id: uuid(rand),
      teamId: 'local',
      prospectId: prospectIds[Math.floor(rand() * prospectIds.length)]!,
      assigneeId: 'local',
      ...FOLLOW_UP_CADENCE_DEFAULTS,
      ...(step !== null ? { cadenceId, cadenceStep: step, channel: 'email' as const } : {}),
      title: ['Send the proposal', 'Call back after the demo', 'Ask for a referral', 'Check in on the trial'][i % 4]!,
      dueAt,
      doneAt: open ? null : now - HOUR,
      snoozedUntil: null,
      createdAt: Math.min(dueAt, now) - DAY_MS,
      updatedAt: now - HOUR,
      deletedAt: null,
      ...(open ? { openDueAt: dueAt } : {}),
    });
  }
  return { rows, overdue };
}
