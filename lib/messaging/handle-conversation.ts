// Requests about LinkedIn conversations (./conversation-schemas.ts).
import type { StoreContext } from '../store/context';
import type { ValidRequest } from './schemas';
import type { RequestType, ResponseMap } from './types';

/**
 * Whether each message is logged: its person has a LinkedIn-message touch with its direction at its
 * time (Log this conversation records exactly the time the page shows). One index read per person.
 */
export async function messagesLogged(ctx: StoreContext, items: ReadonlyArray<{ prospectId: string; direction: 'in' | 'out'; occurredAt: number }>): Promise<boolean[]> {
  const ids = [...new Set(items.map((i) => i.prospectId))];
  const touches = await Promise.all(ids.map((id) => ctx.db.touches.where('prospectId').equals(id).toArray()));
  const logged = new Set<string>();
  touches.flat().forEach((t) => {
    if (t.channel === 'linkedin_message') logged.add(`${t.prospectId}|${t.direction}|${t.occurredAt}`);
  });
  return items.map((i) => logged.has(`${i.prospectId}|${i.direction}|${i.occurredAt}`));
}

export async function dispatchConversation(ctx: StoreContext, req: ValidRequest): Promise<ResponseMap[RequestType] | undefined> {
  switch (req.type) {
    case 'messagesLogged':
      return { logged: await messagesLogged(ctx, req.items) };
    default:
      return undefined;
  }
}
