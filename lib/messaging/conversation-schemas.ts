// Requests about LinkedIn conversations, validated in the background like every request. The messaging
// chip (entrypoints/linkedin-messaging.content) asks whether a conversation's last message is already
// logged, so "Conversation logged" says what the pipeline holds rather than what was clicked on this page.
import { z } from 'zod';
import { Id } from '../model/common';
import { Direction } from '../model';

const Message = z.object({ prospectId: Id, direction: Direction, occurredAt: z.number().int().min(0).max(8.64e15) }).strict();

export const CONVERSATION_REQUESTS = [z.object({ type: z.literal('messagesLogged'), items: z.array(Message).min(1).max(50) }).strict()] as const;

/** Reads only. */
export const CONVERSATION_QUERIES = ['messagesLogged'] as const;

/** What the messaging chip may ask (added to CONTENT_SCRIPT_REQUESTS). */
export const CONVERSATION_CHIP_REQUESTS = ['messagesLogged'] as const;
