// "Log this conversation" on a messaging chip says the truth about the conversation in view: "Conversation
// logged" while its last message (who wrote it, when) is recorded as a LinkedIn-message touch of that
// person, and "Log this conversation" again as soon as a newer message shows, or another thread does
// (LinkedIn keeps the thread pane and swaps what is in it, so the chip can stay while the thread changes).
//
// The pipeline holds the truth: the background answers whether a touch of that person, direction and
// time exists (`messagesLogged`), so it also holds after a reload and for a touch logged elsewhere. A
// message whose time the page does not show cannot be matched that way (it is logged at the time of
// the click); for it, this page remembers what it logged: the thread, the direction and how many
// events the conversation showed.
import type { MessageRef } from '../../lib/messaging/conversation-types';
import type { Reply } from '../../lib/messaging/types';
import { eventCount, lastMessage, viewerOf, type LastMessage } from '../../lib/sites/linkedin/messaging';

export type LogState = 'ready' | 'busy' | 'done' | { error: string };

export interface LogTarget {
  /** The chip's key (one chip per person per conversation). */
  key: string;
  conversation: Element;
  prospectId: string;
  /** Where the conversation is: its thread pane's URL path, or the bubble's own key. */
  thread: string;
}

/** What a conversation's last message is known by: its direction and time, or without a time, its place in the list. */
function signature(t: LogTarget, last: LastMessage | null): string {
  if (!last) return 'none';
  return last.at !== null ? `${last.direction}@${last.at}` : `${last.direction}#${eventCount(t.conversation)}@${t.thread}`;
}

type Ask = {
  (req: { type: 'messagesLogged'; items: MessageRef[] }): Promise<Reply<'messagesLogged'>>;
  (req: {
    type: 'logTouch';
    prospectId: string;
    channel: 'linkedin_message';
    direction: 'in' | 'out';
    note: null;
    occurredAt?: number;
  }): Promise<Reply<'logTouch'>>;
};

export interface ConversationLog {
  /**
   * The log state of each target as its conversation is now. Without `all`, only targets whose last
   * message changed since they were last answered (or never were) are looked at; the rest are left out.
   */
  states(targets: LogTarget[], all?: boolean): Promise<Map<string, LogState>>;
  /** Logs the target's last message as a touch; the state to show after. */
  log(target: LogTarget, noMessage: string): Promise<LogState>;
  /** The chip is gone: its next target under this key starts afresh. */
  forget(key: string): void;
}

export function conversationLog(doc: Document, ask: Ask, now: () => number = Date.now): ConversationLog {
  /** Per chip: the last message its state was answered for. */
  const answered = new Map<string, string>();
  /** Logged here without a time: `<prospectId>|<signature>`. */
  const untimed = new Set<string>();
  /** Chips logging now. */
  const logging = new Set<string>();
  /** Per chip, bumped by every question and every log: only the answer to the latest counts. */
  const turn = new Map<string, number>();
  const next = (key: string) => {
    const n = (turn.get(key) ?? 0) + 1;
    turn.set(key, n);
    return n;
  };

  const read = (t: LogTarget) => {
    const last = lastMessage(t.conversation, viewerOf(doc), now());
    return { last, sig: signature(t, last) };
  };

  return {
    async states(targets, all = false) {
      const out = new Map<string, LogState>();
      const timed: Array<{ t: LogTarget; n: number; ref: MessageRef }> = [];
      for (const t of targets) {
        if (logging.has(t.key)) continue;
        const { last, sig } = read(t);
        if (!all && answered.get(t.key) === sig) continue;
        answered.set(t.key, sig);
        const n = next(t.key);
        if (last && last.at !== null) timed.push({ t, n, ref: { prospectId: t.prospectId, direction: last.direction, occurredAt: last.at } });
        else out.set(t.key, last && untimed.has(`${t.prospectId}|${sig}`) ? 'done' : 'ready');
      }
      if (timed.length) {
        const r = await ask({ type: 'messagesLogged', items: timed.map((x) => x.ref) });
        for (const [i, x] of timed.entries()) {
          // A later question (or a log) about the same chip answers for the page as it is now.
          if (turn.get(x.t.key) !== x.n) continue;
          out.set(x.t.key, r.ok && r.data.logged[i] ? 'done' : 'ready');
        }
      }
      return out;
    },

    async log(t, noMessage) {
      const { last, sig } = read(t);
      if (!last) return { error: noMessage };
      logging.add(t.key);
      next(t.key);
      try {
        const r = await ask({
          type: 'logTouch',
          prospectId: t.prospectId,
          channel: 'linkedin_message',
          direction: last.direction,
          note: null,
          ...(last.at !== null ? { occurredAt: last.at } : {}),
        });
        if (!r.ok) return { error: r.error };
        if (last.at === null) untimed.add(`${t.prospectId}|${sig}`);
        answered.set(t.key, sig);
        return 'done';
      } finally {
        logging.delete(t.key);
      }
    },

    forget(key) {
      answered.delete(key);
      next(key);
    },
  };
}
