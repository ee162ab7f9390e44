// Bulk clip: several people a LinkedIn list shows, added in one step. One IndexedDB transaction holds
// every prospect, its first stage change and their outbox entries, so the batch is all or nothing and
// reaches the outbox (and the next sync push: at most 200 people, 400 entries, under PUSH_BATCH) as one.
// People already in the pipeline are left exactly as they are: a list row shows less than their
// profile did, and a rep adding a page of results must not overwrite what they already know.
import { captureProspect, CommandError, tables, type CaptureInput } from './commands';
import type { StoreContext } from './context';
import { findByIdentity } from './queries';

export const CAPTURE_MANY_MAX = 200;

export interface CaptureManyPerson {
  /** What the caller keys the person by: slug, else member id, else e-mail (as sent). */
  key: string;
  prospectId: string;
  created: boolean;
}

export interface CaptureManyResult {
  added: number;
  alreadyTracked: number;
  people: CaptureManyPerson[];
}

type ManyInput = CaptureInput & { memberId?: string | null };

function keysOf(i: ManyInput): string[] {
  return [i.slug && `s:${i.slug}`, i.memberId && `m:${i.memberId}`, i.email && `e:${i.email}`].filter((k): k is string => !!k);
}

export async function captureMany(ctx: StoreContext, inputs: readonly ManyInput[]): Promise<CaptureManyResult> {
  if (inputs.length === 0) throw new CommandError('invalid', 'Select at least one person first');
  if (inputs.length > CAPTURE_MANY_MAX) throw new CommandError('invalid', `At most ${CAPTURE_MANY_MAX} people at once`);
  for (const i of inputs) if (!keysOf(i).length) throw new CommandError('invalid', `${i.name}: no LinkedIn profile to add them by`);
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const done = new Map<string, string>();
    const result: CaptureManyResult = { added: 0, alreadyTracked: 0, people: [] };
    for (const input of inputs) {
      const keys = keysOf(input);
      const key = input.slug ?? input.memberId ?? input.email ?? '';
      // The same person twice in one batch (by slug and by id, or a repeated row) is one person.
      const twice = keys.map((k) => done.get(k)).find((id) => id !== undefined);
      if (twice) {
        result.people.push({ key, prospectId: twice, created: false });
        continue;
      }
      const existing = await findByIdentity(ctx, input.slug, input.email, input.memberId ?? null);
      let id: string;
      if (existing) {
        result.alreadyTracked += 1;
        id = existing.id;
        result.people.push({ key, prospectId: id, created: false });
      } else {
        // Nested in this transaction (same tables): its writes commit or roll back with the whole batch.
        id = (await captureProspect(ctx, input)).prospect.id;
        result.added += 1;
        result.people.push({ key, prospectId: id, created: true });
      }
      for (const k of keys) done.set(k, id);
    }
    return result;
  });
}
