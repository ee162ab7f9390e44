// Plain message types about LinkedIn conversations (no zod here: content scripts import these).

/** A conversation's last message as the page shows it: who wrote it (in: the partner) and when. */
export interface MessageRef {
  prospectId: string;
  direction: 'in' | 'out';
  occurredAt: number;
}

export type ConversationRequest = { type: 'messagesLogged'; items: MessageRef[] };

export interface ConversationResponses {
  /** Per item, in order: whether a LinkedIn-message touch of that person, direction and time is recorded. */
  messagesLogged: { logged: boolean[] };
}
