import { browser } from 'wxt/browser';
import type { Reply, Request, RequestType, ResponseMap } from '../lib/messaging/types';

/** Ask the background (the one writer) to do something; its error sentence becomes an Error. */
export async function send<T extends RequestType>(req: Extract<Request, { type: T }>): Promise<ResponseMap[T]> {
  const reply = (await browser.runtime.sendMessage(req)) as Reply<T> | undefined;
  if (!reply) throw new Error('The extension did not answer. Try again.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
