// Message shapes between contexts. Plain types only: content scripts import this file and must stay
// free of validation libraries; the background validates every request with ./schemas.ts.
import type { Cadence, CadenceStep, FollowUp, Prospect, Stage, Touch } from '../model';
import type { TeamSettings } from '../model/settings';
import type { SqlItem } from '../pipeline/gates';
import type { CrossingPreview } from '../pipeline/score-preview';
import type { SearchReply } from '../search/result';
import type { BoardRequest, BoardResponses } from './board-types';
import type { DataRequest, DataResponses } from './data-types';
import type { DeleteRequest, DeleteResponses } from './delete-types';
import type { MergeRequest, MergeResponses } from './merge-types';
import type { MembersRequest, MembersResponses } from './members-types';
import type { CaptureManyRequest, CaptureManyResponses } from './capture-many-types';
import type { PageMention } from '../sites/linkedin/lists/types';
import type { CompanyRequest, CompanyResponses } from './company-types';
import type { ConversationRequest, ConversationResponses } from './conversation-types';
import type { CaptureFields } from '../model/capture';
import type { Scope } from '../sync/scope';
import type { PlaceZone } from '../pipeline/local-time';
import type { SyncStatus } from '../sync/status';
import type { IssueView } from '../sync/quarantine';
import type { TodayQueue } from '../store/today-queue';

export interface CaptureWire extends CaptureFields {
  source?: string;
}

export type Request =
  | { type: 'lookup'; slugs: string[]; emails: string[]; memberIds?: string[] }
  | { type: 'capture'; input: CaptureWire }
  | { type: 'detail'; id?: string; slug?: string; email?: string; memberId?: string }
  | { type: 'search'; query: string; limit: number }
  | { type: 'update'; id: string; patch: Record<string, unknown> }
  | { type: 'setStage'; prospectId: string; stageKey: string; confirmed?: boolean; lostReason?: string | null }
  | { type: 'setSqlChecklist'; prospectId: string; items: Partial<Record<SqlItem, boolean>> }
  | { type: 'setScoreAdjustment'; prospectId: string; points: number }
  | { type: 'enrol'; prospectId: string; cadenceId: string; timeZone: string }
  | { type: 'cadenceAction'; prospectId: string; action: 'skip' | 'pause' | 'resume' | 'stop' }
  | { type: 'cadences' }
  | { type: 'saveCadence'; cadence: { id?: string; name: string; description: string | null; steps: CadenceStep[] } }
  | { type: 'deleteCadence'; id: string }
  | { type: 'settings' }
  | { type: 'previewSettings'; settings: TeamSettings }
  | { type: 'saveSettings'; settings: TeamSettings }
  | {
      type: 'saveStage';
      stage: { id?: string; name: string | null; probability: number; staleDays: number | null; kind?: 'open' | 'won' | 'lost' };
    }
  | { type: 'reorderStage'; id: string; delta: -1 | 1 }
  | { type: 'removeStage'; id: string; reassignTo: string }
  | { type: 'stalled'; limit: number; all?: boolean }
  | BoardRequest
  | DataRequest
  | DeleteRequest
  | MergeRequest
  | MembersRequest
  | CaptureManyRequest
  | CompanyRequest
  | ConversationRequest
  | { type: 'logTouch'; prospectId: string; channel: string; direction: string; note: string | null; occurredAt?: number; engagement?: string | null }
  | { type: 'linkEmail'; prospectId: string; email: string }
  | { type: 'addFollowUp'; prospectId: string; title: string; dueAt: number }
  | { type: 'completeFollowUp'; id: string }
  | { type: 'snoozeFollowUp'; id: string; until: number }
  | { type: 'deleteProspect'; id: string }
  | { type: 'stages' }
  | { type: 'overdue' }
  | { type: 'due'; withinMs: number; limit: number }
  | { type: 'today'; until: number; first?: number; tomorrow?: number }
  /** From a chip's "Open in side panel": the background opens the panel on the sender's tab (or a tab of it). */
  | { type: 'openSidePanel'; prospectId?: string }
  | AccountRequest;

/** Backend, account, team and sync: answered by the background's account module. */
export type AccountRequest =
  | { type: 'account' }
  | { type: 'connect'; url: string; anonKey: string }
  | { type: 'disconnect' }
  | { type: 'signIn'; email: string; password: string }
  | { type: 'signUp'; email: string; password: string }
  | { type: 'sendCode'; email: string }
  | { type: 'verifyCode'; email: string; code: string }
  | { type: 'signOut' }
  | { type: 'teams' }
  | { type: 'createTeam'; name: string }
  | { type: 'joinTeam'; code: string }
  | { type: 'useTeam'; teamId: string; bringLocal: boolean }
  | { type: 'invite'; role: 'rep' | 'admin' }
  | { type: 'syncStatus' }
  | { type: 'syncNow' }
  | { type: 'syncIssues' }
  | { type: 'clearSyncIssues' }
  | { type: 'retrySyncIssue'; id: number }
  | { type: 'discardSyncIssue'; id: number };

export interface AccountView {
  backend: { url: string } | null;
  user: { id: string; email: string | null } | null;
  scope: Scope;
  /** Live prospects of the local (no account) pipeline, for the offer to bring them into a team. */
  localProspects: number;
}

export interface TeamView {
  teamId: string;
  name: string;
  role: 'owner' | 'admin' | 'rep';
  memberCount: number | null;
}

/** A refused or set-aside change as options lists it (one shape, defined with the quarantine). */
export type SyncIssueView = IssueView;

export type RequestType = Request['type'];

export interface NextFollowUp {
  title: string;
  dueAt: number;
  overdue: boolean;
}

/** What an inline chip needs to show for one person. */
export interface PersonView {
  /** The slug, lower-cased e-mail or member id (as written) the caller asked about. */
  key: string;
  prospectId: string;
  /** The person's LinkedIn member id when known, so a caller that asked by slug can also match id-only links. */
  memberId: string | null;
  name: string;
  stageKey: string;
  /** The team's own name for the stage, or null to use the localised default name. */
  stageName: string | null;
  score: number;
  nextFollowUp: NextFollowUp | null;
  stalled: boolean;
  silenceDays: number;
  /** The stage's kind: a won deal has no "next follow-up" to miss. */
  stageKind: 'open' | 'won' | 'lost';
  /** The owner's name when a teammate, not the rep, owns the prospect (team mode). */
  ownerName: string | null;
  /** The prospect's time zone from their location, when the place is known (local time is computed where shown). */
  place: PlaceZone | null;
  /** The team's stages, in order, for the chip's "Change stage". */
  stages: StageOption[];
  /** The team's lost reasons, or null for the built-in list (shown in the UI language). */
  lostReasons: string[] | null;
}

export interface StageOption {
  key: string;
  name: string | null;
  kind: 'open' | 'won' | 'lost';
}

export interface ProspectDetail {
  prospect: Prospect;
  stage: Stage | null;
  stages: Stage[];
  followUps: FollowUp[];
  touches: Touch[];
  stalled: boolean;
  silenceDays: number;
  /** The cadence the prospect is enrolled in (whatever the enrolment's status), if it still exists. */
  cadence: Cadence | null;
  /** Outbound touches up to the SQL gate; null before it. */
  touchesToSql: number | null;
  mqlThreshold: number;
  /** Who accepted the SQL gate, as the team knows them (name or e-mail), when recorded. */
  sqlAcceptedBy: string | null;
  /** The owner's name when a teammate, not the rep, owns the prospect (team mode). */
  ownerName?: string | null;
  /** The prospect's time zone from their location, when the place is known. */
  place?: PlaceZone | null;
  /** The team's lost reasons, or null for the built-in list. */
  lostReasons?: string[] | null;
}

export interface StalledView {
  prospectId: string;
  name: string;
  company: string | null;
  stageKey: string;
  stageName: string | null;
  silenceDays: number;
  stageId?: string;
  /** Position of the stage in the pipeline, 0 first. */
  stageOrder?: number;
  ownerId?: string;
  dealValue?: number | null;
  currency?: string | null;
}

/** The gone-dark view: gone dark (silence after contact) and, apart, not contacted yet. */
export interface GoneDarkLists {
  notContacted: StalledView[];
  stages: Array<{ id: string; key: string; name: string | null; kind: 'open' | 'won' | 'lost' }>;
  /** Owners of the listed people; `you` is the rep looking. */
  owners: Array<{ id: string; name: string | null; you: boolean }>;
}

export interface ResponseMap extends BoardResponses, DataResponses, DeleteResponses, MergeResponses, MembersResponses, CaptureManyResponses, CompanyResponses, ConversationResponses {
  lookup: { people: PersonView[] };
  capture: { prospect: Prospect; created: boolean };
  detail: ProspectDetail | null;
  search: SearchReply;
  update: { prospect: Prospect };
  setStage: { prospect: Prospect; needsConfirmation: boolean };
  setSqlChecklist: { prospect: Prospect };
  setScoreAdjustment: { prospect: Prospect };
  enrol: { prospect: Prospect };
  cadenceAction: { prospect: Prospect };
  cadences: { cadences: Cadence[] };
  saveCadence: { cadence: Cadence };
  deleteCadence: { deleted: true };
  settings: { settings: TeamSettings; canEdit: boolean };
  previewSettings: CrossingPreview;
  saveSettings: { rescored: number };
  saveStage: { stage: Stage };
  reorderStage: { done: true };
  removeStage: { moved: number };
  stalled: { items: StalledView[]; count: number } & Partial<GoneDarkLists>;
  logTouch: { touch: Touch };
  linkEmail: { prospect: Prospect };
  addFollowUp: { followUp: FollowUp };
  completeFollowUp: { followUp: FollowUp };
  snoozeFollowUp: { followUp: FollowUp };
  deleteProspect: { deleted: true };
  stages: { stages: Stage[] };
  overdue: { count: number };
  due: { items: Array<{ followUp: FollowUp; prospectName: string }> };
  today: TodayQueue;
  /** `panel`: the side panel opened; `tab`: Chrome refused from a page gesture, the panel opened as a tab. */
  openSidePanel: { opened: 'panel' | 'tab' };
  account: AccountView;
  connect: AccountView;
  disconnect: AccountView;
  signIn: AccountView;
  signUp: AccountView;
  sendCode: { sent: true };
  verifyCode: AccountView;
  signOut: AccountView;
  teams: { teams: TeamView[] };
  createTeam: { teamId: string };
  joinTeam: { teamId: string };
  useTeam: { account: AccountView; added: number; merged: number };
  invite: { code: string; expiresAt: string };
  syncStatus: SyncStatus;
  syncNow: SyncStatus;
  syncIssues: { issues: SyncIssueView[] };
  clearSyncIssues: { cleared: number };
  retrySyncIssue: { requeued: number };
  discardSyncIssue: { discarded: true };
}

/**
 * A refusal: a stable `code` (lib/messaging/errors.ts) the UI words in its language with `params`, and
 * the English sentence in `error`. Extension pages receive it through components/shared/api.ts, which
 * puts the localised sentence in `error` and keeps the English one in `detail`.
 */
export type ErrorReply = { ok: false; error: string; code: string; params?: string[]; detail?: string };

export type Reply<T extends RequestType> = { ok: true; data: ResponseMap[T] } | ErrorReply;

/** Broadcasts: not requests, nobody answers them. */
export type Notice =
  | { type: 'changed' }
  /** A content script saw its page change to another person (SPA navigation). */
  | { type: 'pageChanged'; url: string }
  /** Sync state moved (pushing, synced, offline, …): status lines re-read it. */
  | { type: 'syncChanged' }
  /** Background → LinkedIn or mail tabs: the rep changed "Show Jalur on LinkedIn pages" or "… in Gmail and Outlook" (the answer to `pageSettings`). */
  | { type: 'pageSettings'; showOnLinkedIn: boolean; showOnMail: boolean };

/** Background or extension page → content script. `people` lists everyone on the page (mail threads). */
export type TabRequest = { type: 'extract' } | { type: 'people' } | { type: 'pagePeople' };

/** The answer to `pagePeople`: everyone a LinkedIn page's lists, feed or Sales Navigator rows show (only the linkedin-lists content script answers). */
export interface PagePeopleReply {
  people: PageMention[];
}
export type { PageMention };
