// Keeping the team outbox small: at most one pending entry per record field. A queued change that a
// later change to the same field supersedes is of no use to the team — only the latest value of each
// field has to reach the server — so writing a field takes it out of the older entries that carry it.
//
// Exactness, field by field: the server merges by each field's clock (the entry's hybrid logical
// clock), so each field keeps travelling in an entry stamped when that field was written; an older
// entry loses only the fields a newer one carries, and an older entry left empty is dropped. The one
// exception is a record's creation not yet sent: the server has nothing of the record, so later fields
// fold into the creation itself (under the creation's clock) and the record goes out whole, once —
// except fields the server checks against other records (ORDERED), which stay in their own later
// entry so they never reach the server before what they depend on.
//
// What may already be at the server: a push hands a batch to the network before it knows the answer
// (the worker can stop in between), so every entry up to the highest sequence number ever handed over
// ("sent through") is treated as possibly applied. Such an entry is never added to, only taken from:
// a resend of it carries less than before, never a change the server could take for a duplicate.
import type { OutboxEntry } from '../model';

/** Meta key: the highest outbox seq a push ever handed to the network ("sent through", above). */
export const SENT_THROUGH_KEY = 'outboxSentThrough';

/**
 * Fields whose value the server checks against other records: references (a stage, a cadence, a
 * follow-up, a company, the person merged into) and identity keys, unique among a team's live people
 * (a merge queued in between may be what frees an address). A later value of one of these is never
 * folded into an earlier creation: it stays in its own later entry, after whatever it depends on.
 */
const ORDERED: ReadonlySet<string> = new Set([
  'prospectId',
  'stageId',
  'fromStageId',
  'toStageId',
  'cadenceId',
  'followUpId',
  'companyId',
  'into',
  'enrolment',
  'slug',
  'emails',
  'memberId',
]);


/** Fields the server reads together (a temperature is an override only beside temperatureSet): they move as one. */
const GROUPS: readonly (readonly string[])[] = [['temperature', 'temperatureSet']];

export interface CoalescePlan {
  /** Stored entries (with seq) whose fields or clock changed. */
  put: OutboxEntry[];
  /** Stored entries no longer needed. */
  remove: number[];
  /** New entries to append, in order (without seq). */
  add: OutboxEntry[];
}

/** A change that creates its record (the server has nothing of the record until it lands). */
export const createsRecord = (e: OutboxEntry): boolean => e.op === 'upsert' && 'createdAt' in e.fields;

const recordKey = (e: Pick<OutboxEntry, 'entity' | 'entityId'>) => `${e.entity}\u0000${e.entityId}`;

interface Slot {
  entry: OutboxEntry;
  stored: boolean;
  changed: boolean;
  removed: boolean;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The keys `keys` reaches once groups are whole. */
function withGroups(keys: Iterable<string>): Set<string> {
  const out = new Set(keys);
  for (const g of GROUPS) if (g.some((k) => out.has(k))) for (const k of g) out.add(k);
  return out;
}

/**
 * Takes `keys` out of the older, non-creating upserts in `slots`. A group member the newer entry lacks
 * moves into `target` with the rest of its group (unless `target` may be at the server already: it
 * never grows then); an entry left with no fields is removed.
 */
function strip(slots: Slot[], keys: ReadonlySet<string>, target: OutboxEntry, skip: Slot | null, canGrow = true): boolean {
  const reach = withGroups(keys);
  let grew = false;
  for (const s of slots) {
    if (s === skip || s.removed || s.entry.op !== 'upsert' || createsRecord(s.entry)) continue;
    const fields = s.entry.fields;
    if (!Object.keys(fields).some((k) => reach.has(k))) continue;
    const kept: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) {
      if (!reach.has(k)) kept[k] = v;
      else if (canGrow && !(k in target.fields)) {
        target.fields[k] = v;
        grew = true;
      }
    }
    s.entry = { ...s.entry, fields: kept };
    s.changed = true;
    if (Object.keys(kept).length === 0) s.removed = true;
  }
  return grew;
}

/**
 * Where `incoming` entries go, given the stored entries about the same records (`existing`, in seq
 * order). Incoming entries may be stored ones being replayed (a compaction: they carry a seq) or new
 * ones (no seq). `sentThrough`: stored entries up to this seq may already be at the server.
 */
export function coalesce(existing: readonly OutboxEntry[], incoming: readonly OutboxEntry[], sentThrough: number): CoalescePlan {
  const byRecord = new Map<string, Slot[]>();
  const order: Slot[] = [];
  const slotsOf = (e: OutboxEntry) => {
    const k = recordKey(e);
    let list = byRecord.get(k);
    if (!list) byRecord.set(k, (list = []));
    return list;
  };
  const unsent = (s: Slot) => !s.stored || (s.entry.seq !== undefined && s.entry.seq > sentThrough);
  for (const e of existing) {
    const s: Slot = { entry: e, stored: true, changed: false, removed: false };
    slotsOf(e).push(s);
    order.push(s);
  }
  for (const raw of incoming) {
    const slots = slotsOf(raw);
    const incomingSlot: Slot = { entry: { ...raw, fields: { ...raw.fields } }, stored: raw.seq !== undefined, changed: false, removed: false };
    const live = slots.filter((s) => !s.removed);
    // Only field edits coalesce; deletes, restores and erasures keep their place, and nothing is folded across an erasure.
    if (raw.op !== 'upsert' || live.some((s) => s.entry.op === 'erase')) {
      slots.push(incomingSlot);
      order.push(incomingSlot);
      continue;
    }
    const creation = createsRecord(raw) ? undefined : live.find((s) => createsRecord(s.entry) && unsent(s) && unsent(incomingSlot));
    const fold: Record<string, unknown> = {};
    const later: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw.fields)) {
      if (creation && (!ORDERED.has(k) || sameValue(creation.entry.fields[k], v))) fold[k] = v;
      else later[k] = v;
    }
    if (!creation || Object.keys(fold).length === 0) {
      if (strip(live, new Set(Object.keys(raw.fields)), incomingSlot.entry, null, unsent(incomingSlot))) incomingSlot.changed = true;
      slots.push(incomingSlot);
      order.push(incomingSlot);
      continue;
    }
    // The creation keeps its own clock: the server stamps every field of a new row with it, and an
    // ORDERED field's later entry (a cadence enrolment, a new address) must still be later than that.
    // Nobody else can have written the record before it lands, so the older stamp loses nothing.
    creation.entry = { ...creation.entry, fields: { ...creation.entry.fields, ...fold } };
    creation.changed = true;
    strip(live, new Set(Object.keys(fold)), creation.entry, creation);
    // The incoming entry itself is folded away; a replayed (stored) one is removed.
    incomingSlot.removed = true;
    incomingSlot.changed = true;
    if (Object.keys(later).length) {
      const rest: Slot = { entry: { ...raw, fields: later }, stored: false, changed: true, removed: false };
      strip(live, new Set(Object.keys(later)), rest.entry, creation);
      // A replayed entry keeps its place (and seq) for what must stay later.
      if (raw.seq !== undefined) {
        incomingSlot.entry = rest.entry;
        incomingSlot.removed = false;
        slots.push(incomingSlot);
        order.push(incomingSlot);
        continue;
      }
      slots.push(rest);
      order.push(rest);
    }
    if (raw.seq !== undefined) order.push(incomingSlot);
  }
  const plan: CoalescePlan = { put: [], remove: [], add: [] };
  for (const s of order) {
    if (s.stored) {
      if (s.removed) plan.remove.push(s.entry.seq!);
      else if (s.changed) plan.put.push(s.entry);
    } else if (!s.removed) plan.add.push(s.entry);
  }
  return plan;
}

/** The replay of a whole stored outbox (seq order) onto itself: what compacting it removes and rewrites. */
export function compactOutbox(entries: readonly OutboxEntry[], sentThrough: number): CoalescePlan {
  return coalesce([], entries, sentThrough);
}
