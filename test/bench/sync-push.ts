// The sync budget (DESIGN.md §6): the extension's outbox of 10,000 queued mutations pushed by the
// real sync engine in batches, against the same queue pushed one request per mutation. Runs inside
// `scripts/test-db.sh --bench -- …` (a throwaway database) with the Supabase stand-in in front of
// it and the real supabase-js; `npm run bench` starts it and reads the JSON it writes.
//
// On loopback a request costs almost nothing but the server's own work, so the loopback ratio is a
// floor. A project on the internet adds a round trip to every request: the second pair of runs
// holds every request 20 ms at the server (as a network would); one request per mutation is then
// timed over a sample and scaled to the full queue, since 10,000 round trips take minutes.
import { createClient } from '@supabase/supabase-js';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { randomUUID } from 'node:crypto';
import { captureProspect, logTouch } from '../../lib/store/commands';
import type { StoreContext } from '../../lib/store/context';
import { openDb } from '../../lib/store/db';
import { pullAll } from '../../lib/sync/pull';
import { pushOutbox, PUSH_BATCH } from '../../lib/sync/push';
import { supabaseTransport } from '../../lib/sync/supabase-transport';
import { startStandIn } from '../stand-in/server';
import { writeJson } from './table';

const N = Number(process.env.BENCH_MUTATIONS ?? 10_000);
const RTT_MS = 20;
const RTT_SAMPLE = Math.min(N, 1_000);
const out = process.argv[process.argv.indexOf('--out') + 1] ?? 'bench-results/sync-push.json';

class NoWebSocket {
  constructor() {
    throw new Error('realtime is not used');
  }
}

const server = await startStandIn({ databaseUrl: process.env.DATABASE_URL!, bcryptCost: 4 });

async function queued(label: string, n = N): Promise<{ ctx: StoreContext; push: (batch: number) => Promise<number> }> {
  const client = createClient(server.url, server.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: NoWebSocket as never },
  });
  const { data, error } = await client.auth.signUp({
    email: `${label}-${randomUUID().slice(0, 8)}@bench.example.com`,
    password: randomUUID(),
  });
  if (error || !data.user) throw error ?? new Error('no user');
  const team = await client.rpc('create_team', { name: `Bench ${label}` });
  if (team.error) throw new Error(team.error.message);
  const ctx: StoreContext = {
    db: openDb(`bench-${label}`, { indexedDB: new IDBFactory(), IDBKeyRange }),
    now: Date.now,
    newId: () => randomUUID(),
    userId: data.user.id,
    teamId: team.data as string,
    nodeId: label,
  };
  const transport = supabaseTransport(client);
  await pullAll(ctx, transport);
  // A rep's backlog after a day offline: new people (prospect + first stage entry) and touches
  // (touch + the prospect's updated count and score), all through the store's one writer.
  const ids: string[] = [];
  for (let i = 0; (await ctx.db.outbox.count()) < n; i++) {
    if (i % 3 === 0 || ids.length === 0) {
      const { prospect } = await captureProspect(ctx, {
        slug: `bench-${label}-${i}`,
        email: null,
        name: `Bench Person ${i}`,
        headline: null,
        title: 'Head of Operations',
        company: 'Contoh Niaga',
        location: null,
        photoUrl: null,
        linkedinUrl: null,
        source: 'social_selling',
      });
      ids.push(prospect.id);
    } else {
      await logTouch(ctx, {
        prospectId: ids[(i * 7919) % ids.length]!,
        channel: 'linkedin_message',
        direction: 'out',
        note: 'Followed up',
      });
    }
  }
  return {
    ctx,
    push: async (batch) => {
      let requests = 0;
      const counting = { ...transport, push: (t: string, c: Parameters<typeof transport.push>[1]) => (requests++, transport.push(t, c)) };
      const round = await pushOutbox(ctx, counting, batch);
      if (round.rejected || (await ctx.db.outbox.count())) throw new Error('the bench push did not empty the outbox');
      return requests;
    },
  };
}

async function timed(fn: () => Promise<number>): Promise<{ ms: number; requests: number }> {
  const t0 = performance.now();
  const requests = await fn();
  return { ms: performance.now() - t0, requests };
}

try {
  const batchedQueue = await queued('batched');
  const mutations = await batchedQueue.ctx.db.outbox.count();
  const batched = await timed(() => batchedQueue.push(PUSH_BATCH));
  const singleQueue = await queued('single');
  const single = await timed(() => singleQueue.push(1));

  const rttBatchedQueue = await queued('rtt-batched');
  const rttSingleQueue = await queued('rtt-single', RTT_SAMPLE);
  const sample = await rttSingleQueue.ctx.db.outbox.count();
  server.faults.rpc = (fn) => (fn === 'sync_push' ? new Promise((r) => setTimeout(() => r(undefined), RTT_MS)) : undefined);
  const rttBatched = await timed(() => rttBatchedQueue.push(PUSH_BATCH));
  const rttSample = await timed(() => rttSingleQueue.push(1));
  server.faults.rpc = undefined;
  const rttSingleMs = (rttSample.ms / sample) * mutations;
  const result = {
    mutations,
    batchSize: PUSH_BATCH,
    loopback: { batched, single, ratio: single.ms / batched.ms },
    rtt: {
      ms: RTT_MS,
      batched: rttBatched,
      singleSample: { ...rttSample, mutations: sample },
      singleScaledMs: rttSingleMs,
      ratio: rttSingleMs / rttBatched.ms,
    },
  };
  console.log(JSON.stringify(result, null, 2));
  writeJson(out, result);
} finally {
  await server.stop();
}
