import { browser } from 'wxt/browser';
import type { ErrorReply, Reply, Request, RequestType, ResponseMap } from '../../lib/messaging/types';
import { errorText } from './error-text';

/** A refusal as the page shows it: the sentence in the UI's language, the background's English kept as `detail`. */
function localised(reply: ErrorReply): ErrorReply {
  return { ...reply, error: errorText(reply), detail: reply.error };
}

/**
 * Ask the background (the one writer). Never throws: a worker that cannot answer (extension
 * reloaded, context invalidated) becomes an error reply the UI can show.
 */
export async function ask<T extends RequestType>(req: Extract<Request, { type: T }>): Promise<Reply<T>> {
  const noAnswer: ErrorReply = { ok: false, error: 'Jalur did not answer', code: 'no_answer' };
  try {
    const reply = (await browser.runtime.sendMessage(req)) as Reply<T> | undefined;
    if (!reply) return localised(noAnswer);
    return reply.ok ? reply : localised(reply);
  } catch {
    return localised(noAnswer);
  }
}

/** A refusal thrown by `send`: its message is the localised sentence; code and English detail ride along. */
export class ReplyError extends Error {
  constructor(readonly reply: ErrorReply) {
    super(reply.error);
  }
}

/** For extension pages: the reply's data, or its (localised) error sentence as an Error. */
export async function send<T extends RequestType>(req: Extract<Request, { type: T }>): Promise<ResponseMap[T]> {
  const reply = await ask(req);
  if (!reply.ok) throw new ReplyError(reply);
  return reply.data;
}
