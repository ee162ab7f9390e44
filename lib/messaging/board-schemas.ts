// Requests of the board feature (issue 7), validated in the background like every request.
import { z } from 'zod';

export const BOARD_REQUESTS = [z.object({ type: z.literal('boardPing') })] as const;

/** The board requests that only read (see isMutation in ./schemas.ts). */
export const BOARD_QUERIES: readonly string[] = ['boardPing'];
