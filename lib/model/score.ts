import { z } from 'zod';
import { cleanText } from './common';

export const ScoreLine = z.object({
  rule: z.string().min(1).max(64),
  points: z.number(),
  // Details quote the team's rule words (a seniority word, an ICP company): text like any other.
  detail: cleanText(200).optional(),
});
export type ScoreLine = z.infer<typeof ScoreLine>;
export const ScoreBreakdown = z.array(ScoreLine);
export type ScoreBreakdown = z.infer<typeof ScoreBreakdown>;
