// Requests of the board feature (issue 7), validated in the background like every request.
import { z } from 'zod';
import { Source, Temperature } from '../model/enums';

const BoardFilterSchema = z
  .object({
    ownerId: z.string().max(100).nullable(),
    source: Source.nullable(),
    temperature: Temperature.nullable(),
    stalledOnly: z.boolean(),
    gate: z.enum(['all', 'mql', 'sql', 'none']),
    query: z.string().max(200),
  })
  .strict();

// Without `preview`: every card, and the side panel filters as the rep types (no round trip per
// keystroke). With it: the columns' totals under the filter and their first cards only, small
// enough to show the board at once while the full set is on its way.
export const BOARD_REQUESTS = [
  z
    .object({
      type: z.literal('board'),
      preview: z
        .object({ filter: BoardFilterSchema, perColumn: z.number().int().min(1).max(200) })
        .strict()
        .optional(),
    })
    .strict(),
] as const;

/** The board requests that only read (see isMutation in ./schemas.ts). */
export const BOARD_QUERIES: readonly string[] = ['board'];
