// Bulk clip from a LinkedIn list (the linkedin-lists content script): validated in the background like
// every request. Each input is exactly what `capture` accepts; schemas.ts passes its capture schema in,
// so this file does not import it back (no module cycle).
import { z } from 'zod';
import { CAPTURE_MANY_MAX } from '../store/capture-many';

export function captureManyRequests<W extends z.ZodType>(wire: W) {
  return [
    z
      .object({
        type: z.literal('captureMany'),
        inputs: z
          .array(wire)
          .min(1, 'Select at least one person first')
          .max(CAPTURE_MANY_MAX, `At most ${CAPTURE_MANY_MAX} people at once`),
      })
      .strict(),
  ] as const;
}

/** captureMany writes: it is no query (so the badge and open views refresh after it). */
export const CAPTURE_MANY_QUERIES = [] as const;
