// The sync benches' workload: a rep's backlog in the extension's mix, as sync_push receives it.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { hlc } from '../db/pg-session';

export interface Mutation {
  mutation_id: string;
  entity: string;
  op: string;
  id: string;
  hlc: string;
  fields: Record<string, unknown>;
}

/**
 * A rep's backlog as the extension's outbox holds it (lib/store/commands.ts through lib/sync/map-out.ts):
 * new people (the prospect and its first stage change), touches (the touch and the prospect's new
 * score), follow-ups, and now and then a move to another stage.
 */
export async function workload(client: pg.Client, team: string, owner: string, node: string, n: number): Promise<Mutation[]> {
  const { rows } = await client.query<{ key: string; id: string }>('select key, id from public.stages where team_id = $1', [team]);
  const stage = Object.fromEntries(rows.map((r) => [r.key, r.id])) as Record<string, string>;
  const list: Mutation[] = [];
  const people: string[] = [];
  const m = (entity: string, id: string, fields: Record<string, unknown>) =>
    list.push({ mutation_id: randomUUID(), entity, op: 'upsert', id, hlc: hlc(node), fields });
  const now = Date.now();
  for (let i = 0; list.length < n; i++) {
    const kind = i % 10;
    if (kind < 3 || people.length === 0) {
      const id = randomUUID();
      people.push(id);
      m('prospect', id, {
        name: `Bench Person ${i}`,
        headline: null,
        title: 'Head of Operations',
        company: 'Contoh Niaga',
        location: null,
        photo_url: null,
        linkedin_url: null,
        linkedin_slug: `bench-${node}-${i}`,
        emails: [],
        source: 'social_selling',
        score: 25,
        score_breakdown: [{ rule: 'fit', points: 25 }],
        owner_id: owner,
        stage_id: stage.prospecting,
      });
      m('stage_change', randomUUID(), {
        prospect_id: id,
        from_stage_id: null,
        to_stage_id: stage.prospecting,
        changed_at: new Date(now).toISOString(),
        note: null,
      });
    } else {
      const p = people[(i * 7919) % people.length]!;
      if (kind < 8) {
        m('touch', randomUUID(), {
          prospect_id: p,
          channel: 'linkedin_message',
          direction: 'out',
          note: 'Followed up',
          occurred_at: new Date(now).toISOString(),
        });
        m('prospect', p, {
          score: 25 + (i % 70),
          score_breakdown: [
            { rule: 'fit', points: 25 },
            { rule: 'engagement', points: i % 70 },
          ],
        });
      } else if (kind < 9) {
        m('follow_up', randomUUID(), { prospect_id: p, title: 'Call back', due_at: new Date(now + 86_400_000).toISOString() });
      } else {
        m('stage_change', randomUUID(), {
          prospect_id: p,
          from_stage_id: stage.prospecting,
          to_stage_id: stage.qualification,
          changed_at: new Date(now).toISOString(),
        });
      }
    }
  }
  return list.slice(0, n);
}
