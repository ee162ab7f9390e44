import { browser } from 'wxt/browser';
import type { Reply, Request, RequestType, ResponseMap } from '../../lib/messaging/types';
import { t } from './i18n';

/**
 * Ask the background (the one writer). Never throws: a worker that cannot answer (extension
 * reloaded, context invalidated) becomes an error reply the UI can show.
 */
export async function ask<T extends RequestType>(req: Extract<Request, { type: T }>): Promise<Reply<T>> {
  try {
    const reply = (await browser.runtime.sendMessage(req)) as Reply<T> | undefined;
    return reply ?? { ok: false, error: t('errorNoAnswer') };
  } catch {
    return { ok: false, error: t('errorNoAnswer') };
  }
}

/** For extension pages: the reply's data, or its error sentence as an Error. */
export async function send<T extends RequestType>(req: Extract<Request, { type: T }>): Promise<ResponseMap[T]> {
  const reply = await ask(req);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
