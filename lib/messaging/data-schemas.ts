// Requests of the data feature (issue 7), validated in the background like every request.
import { z } from 'zod';

export const DATA_REQUESTS = [z.object({ type: z.literal('dataPing') })] as const;

/** The data requests that only read (see isMutation in ./schemas.ts). */
export const DATA_QUERIES: readonly string[] = ['dataPing'];
