// Message shapes between contexts. Plain types only: content scripts import this file and must stay
// free of validation libraries; the background validates every request with ./schemas.ts.
import type { FollowUp, Prospect, Stage, Touch } from '../model';
import type { CaptureFields } from '../model/capture';

export interface CaptureWire extends CaptureFields {
  source?: string;
}

export type Request =
  | { type: 'lookup'; slugs: string[]; emails: string[] }
  | { type: 'capture'; input: CaptureWire }
  | { type: 'detail'; id?: string; slug?: string; email?: string }
  | { type: 'search'; query: string; limit: number }
  | { type: 'update'; id: string; patch: Record<string, unknown> }
  | { type: 'setStage'; prospectId: string; stageKey: string }
  | { type: 'logTouch'; prospectId: string; channel: string; direction: string; note: string | null; occurredAt?: number }
  | { type: 'linkEmail'; prospectId: string; email: string }
  | { type: 'addFollowUp'; prospectId: string; title: string; dueAt: number }
  | { type: 'completeFollowUp'; id: string }
  | { type: 'snoozeFollowUp'; id: string; until: number }
  | { type: 'deleteProspect'; id: string }
  | { type: 'stages' }
  | { type: 'overdue' }
  | { type: 'due'; withinMs: number; limit: number };

export type RequestType = Request['type'];

export interface NextFollowUp {
  title: string;
  dueAt: number;
  overdue: boolean;
}

/** What an inline chip needs to show for one person. */
export interface PersonView {
  /** The slug or lower-cased e-mail the caller asked about. */
  key: string;
  prospectId: string;
  name: string;
  stageKey: string;
  /** The team's own name for the stage, or null to use the localised default name. */
  stageName: string | null;
  score: number;
  nextFollowUp: NextFollowUp | null;
  stalled: boolean;
  silenceDays: number;
}

export interface ProspectDetail {
  prospect: Prospect;
  stage: Stage | null;
  stages: Stage[];
  followUps: FollowUp[];
  touches: Touch[];
  stalled: boolean;
  silenceDays: number;
}

export interface ResponseMap {
  lookup: { people: PersonView[] };
  capture: { prospect: Prospect; created: boolean };
  detail: ProspectDetail | null;
  search: { items: Array<Prospect & { stageKey: string; stageName: string | null }> };
  update: { prospect: Prospect };
  setStage: { prospect: Prospect };
  logTouch: { touch: Touch };
  linkEmail: { prospect: Prospect };
  addFollowUp: { followUp: FollowUp };
  completeFollowUp: { followUp: FollowUp };
  snoozeFollowUp: { followUp: FollowUp };
  deleteProspect: { deleted: true };
  stages: { stages: Stage[] };
  overdue: { count: number };
  due: { items: Array<{ followUp: FollowUp; prospectName: string }> };
}

export type Reply<T extends RequestType> = { ok: true; data: ResponseMap[T] } | { ok: false; error: string };

/** Broadcasts: not requests, nobody answers them. */
export type Notice =
  | { type: 'changed' }
  /** A content script saw its page change to another person (SPA navigation). */
  | { type: 'pageChanged'; url: string };

/** Background or extension page → content script. `people` lists everyone on the page (mail threads). */
export type TabRequest = { type: 'extract' } | { type: 'people' };
