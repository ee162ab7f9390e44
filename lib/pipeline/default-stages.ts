import type { StageKind } from '../model/enums';

export interface StageTemplate {
  key: string;
  kind: StageKind;
  probability: number;
  staleDays: number | null;
}

// DESIGN.md §1: the default pipeline, in order. Names come from the locale files (stage_<key>).
export const DEFAULT_STAGES: readonly StageTemplate[] = [
  { key: 'prospecting', kind: 'open', probability: 10, staleDays: 14 },
  { key: 'qualification', kind: 'open', probability: 20, staleDays: 14 },
  { key: 'consideration', kind: 'open', probability: 40, staleDays: 10 },
  { key: 'decision', kind: 'open', probability: 70, staleDays: 7 },
  { key: 'delivery', kind: 'won', probability: 100, staleDays: null },
  { key: 'lost', kind: 'lost', probability: 0, staleDays: null },
];

export const FIRST_STAGE_KEY = 'prospecting';
