import type { SupabaseClient } from '@supabase/supabase-js';
import { SyncError, failureFor, type SyncTransport } from './transport';
import { PullPageSchema, PushReplySchema, type PushResult, type WireMutation } from './wire';

interface RpcReply {
  data: unknown;
  error: { message: string; code?: string } | null;
  status: number;
}

async function call(client: SupabaseClient, fn: string, args: Record<string, unknown>): Promise<unknown> {
  let reply: RpcReply;
  try {
    reply = (await client.rpc(fn, args)) as RpcReply;
  } catch (err) {
    throw new SyncError('offline', err instanceof Error ? err.message : String(err), 0);
  }
  if (reply.error) {
    const status = reply.status ?? 0;
    throw new SyncError(failureFor(status), reply.error.message || `HTTP ${status}`, status, reply.error.code);
  }
  return reply.data;
}

export function supabaseTransport(client: SupabaseClient): SyncTransport {
  return {
    async push(teamId: string, changes: WireMutation[]): Promise<PushResult[]> {
      const parsed = PushReplySchema.safeParse(await call(client, 'sync_push', { team_id: teamId, changes }));
      if (!parsed.success) throw new SyncError('server', 'The server answered sync_push with something unexpected');
      if (parsed.data.results.length !== changes.length)
        throw new SyncError('server', 'The server answered for a different number of changes');
      return parsed.data.results;
    },
    async pull(teamId: string, since: number, limit: number) {
      const parsed = PullPageSchema.safeParse(await call(client, 'sync_pull', { team_id: teamId, since, lim: limit }));
      if (!parsed.success) throw new SyncError('server', 'The server answered sync_pull with something unexpected');
      return parsed.data;
    },
  };
}
