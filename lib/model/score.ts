import { z } from 'zod';

export const ScoreLine = z.object({
  rule: z.string(),
  points: z.number(),
  detail: z.string().optional(),
});
export type ScoreLine = z.infer<typeof ScoreLine>;
export const ScoreBreakdown = z.array(ScoreLine);
export type ScoreBreakdown = z.infer<typeof ScoreBreakdown>;
