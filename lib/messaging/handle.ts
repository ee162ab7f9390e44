import { isMemberId, profileKeys, profileUrl } from '../sites/linkedin/url';
import { silenceDays } from '../pipeline/staleness';
import type { Prospect, Stage } from '../model';
import * as commands from '../store/commands';
import { completeFollowUp } from '../store/playbook';
import type { StoreContext } from '../store/context';
import { findByIdentity, listStages, openFollowUpsFor, overdueCount, dueSoon, stalled, touchesFor } from '../store/queries';
import { memberName, touchesToSqlFor } from '../store/playbook-queries';
import { teamSettings } from '../store/settings';
import { todayQueue } from '../store/today-queue';
import { z } from 'zod';
import { describeError } from '../model/settings';
import { dispatchBoard } from './handle-board';
import { dispatchData } from './handle-data';
import { dispatchDelete } from './handle-delete';
import { dispatchMerge } from './handle-merge';
import { dispatchMembers } from './handle-members';
import { dispatchCaptureMany } from './handle-capture-many';
import { dispatchCompany } from './handle-company';
import { dispatchConversation } from './handle-conversation';
import { deleteProspects } from '../store/delete';
import { dispatchPlaybook } from './handle-playbook';
import { RequestSchema, describeIssues, type ValidRequest } from './schemas';
import { CodedError, errorReply, zodReply, type ErrorReply } from './errors';
import type { PersonView, ProspectDetail, Reply, RequestType, ResponseMap, StageOption } from './types';
import { placeZone } from '../pipeline/local-time';
import { searchHits } from '../store/search-index';
import { SEARCH_RESULTS_MAX } from '../search/result';

async function stageMap(ctx: StoreContext): Promise<Map<string, Stage>> {
  return new Map((await listStages(ctx)).map((s) => [s.id, s]));
}

/** What every chip of one lookup shares: the stages to move between and the lost reasons to ask with. */
interface ChipShared {
  stages: StageOption[];
  lostReasons: string[] | null;
}

function chipShared(stages: Map<string, Stage>, lostReasons: string[] | undefined): ChipShared {
  return {
    stages: [...stages.values()].map((s) => ({ key: s.key, name: s.name, kind: s.kind })),
    lostReasons: lostReasons ?? null,
  };
}

async function personView(
  ctx: StoreContext,
  key: string,
  found: Prospect,
  stages: Map<string, Stage>,
  shared: ChipShared,
): Promise<PersonView> {
  // One wait for the database, not one per read: the score's inputs, the follow-ups and the owner do not
  // depend on each other (a rescore never changes the id or the owner).
  const [p, followUps, ownerName] = await Promise.all([
    commands.refreshScore(ctx, found),
    openFollowUpsFor(ctx, found.id),
    found.ownerId && found.ownerId !== ctx.userId ? memberName(ctx, found.ownerId) : null,
  ]);
  const now = ctx.now();
  const stage = stages.get(p.stageId);
  const next = followUps.find((f) => f.openDueAt !== undefined);
  return {
    key,
    prospectId: p.id,
    memberId: p.memberId,
    name: p.name,
    stageKey: stage?.key ?? 'unknown',
    stageName: stage?.name ?? null,
    score: p.score,
    nextFollowUp: next ? { title: next.title, dueAt: next.openDueAt ?? next.dueAt, overdue: (next.openDueAt ?? 0) <= now } : null,
    stalled: stalled(p, stage, now),
    silenceDays: silenceDays(p, now),
    stageKind: stage?.kind ?? 'open',
    ownerName,
    place: placeZone(p.location),
    ...shared,
  };
}

async function detail(ctx: StoreContext, found: Prospect): Promise<ProspectDetail> {
  const p = await commands.refreshScore(ctx, found);
  const stages = await listStages(ctx);
  const stage = stages.find((s) => s.id === p.stageId) ?? null;
  const settings = await teamSettings(ctx);
  return {
    prospect: p,
    stage,
    stages,
    followUps: await openFollowUpsFor(ctx, p.id),
    touches: await touchesFor(ctx, p.id),
    stalled: stalled(p, stage ?? undefined, ctx.now()),
    silenceDays: silenceDays(p, ctx.now()),
    cadence: p.enrolment ? ((await ctx.db.cadences.get(p.enrolment.cadenceId)) ?? null) : null,
    touchesToSql: await touchesToSqlFor(ctx, p),
    mqlThreshold: settings.mqlThreshold,
    sqlAcceptedBy: p.sqlChecklist.accepted_by === ctx.userId ? null : await memberName(ctx, p.sqlChecklist.accepted_by),
    place: placeZone(p.location),
    lostReasons: settings.lostReasons ?? null,
    ownerName: p.ownerId && p.ownerId !== ctx.userId ? await memberName(ctx, p.ownerId) : null,
  };
}

/**
 * The person a member id names: by the id, or a row stored before ids were kept, when a page's
 * `/in/ACoA…` link was taken for a slug (lower-cased).
 */
async function byMemberId(ctx: StoreContext, memberId: string): Promise<Prospect | undefined> {
  return (await findByIdentity(ctx, null, null, memberId)) ?? (await findByIdentity(ctx, memberId.toLowerCase(), null));
}

/**
 * A capture's keys. The LinkedIn URL the rep may have edited is the identity; the page's slug only
 * fills in when there is no URL, and the page's member id is kept only while the URL still names
 * the page's person (an edited URL names someone else, whose id the page did not show).
 */
export function captureKeys(
  linkedinUrl: string | null,
  pageSlug: string | null,
  pageMemberId: string | null,
): { slug: string | null; memberId: string | null } {
  const url = profileKeys(linkedinUrl);
  const page = profileKeys(pageSlug ? `/in/${pageSlug}/` : null);
  const pageId = pageMemberId ?? page.memberId;
  if (url.slug === null && url.memberId === null) return { slug: page.slug, memberId: pageId };
  const samePerson = (url.slug !== null && url.slug === page.slug) || (url.memberId !== null && url.memberId === pageId);
  return { slug: url.slug, memberId: url.memberId ?? (samePerson ? pageId : null) };
}

async function dispatch(ctx: StoreContext, req: ValidRequest): Promise<ResponseMap[RequestType]> {
  switch (req.type) {
    case 'lookup': {
      // Every key's person, the stages and the settings asked for at once, then each person's view at
      // once: a chip waits for the database twice whatever a page asks, where one read after another
      // was eight waits for one tracked person. Each wait is longest while something else writes (an
      // import's slice holds the database for tens of milliseconds), so the count of waits, not of
      // reads, is a chip's time then. Answers keep the request's order: slugs, member ids, e-mails.
      const hit = async (key: string, find: Promise<Prospect | undefined>): Promise<[string, Prospect | undefined]> => [key, await find];
      const found = [
        ...req.slugs.map((raw) => {
          // A "slug" that is a member id (a page linking /in/ACoA…) is looked up as one.
          const keys = profileKeys(`/in/${raw}/`);
          return hit(raw, keys.memberId ? byMemberId(ctx, keys.memberId) : findByIdentity(ctx, keys.slug ?? raw, null));
        }),
        ...(req.memberIds ?? []).map((raw) => hit(raw, isMemberId(raw) ? byMemberId(ctx, raw) : Promise.resolve(undefined))),
        ...req.emails.map((raw) => {
          const email = raw.trim().toLowerCase();
          return hit(email, findByIdentity(ctx, null, email));
        }),
      ];
      const [stages, settings, hits] = await Promise.all([stageMap(ctx), teamSettings(ctx), Promise.all(found)]);
      const shared = chipShared(stages, settings.lostReasons);
      const people = await Promise.all(
        hits.flatMap(([key, p]) => (p && p.deletedAt === null ? [personView(ctx, key, p, stages, shared)] : [])),
      );
      return { people };
    }
    case 'capture': {
      const input = req.input;
      const { slug, memberId } = captureKeys(input.linkedinUrl, input.slug, input.memberId ?? null);
      const source = input.source ?? (slug || memberId ? 'social_selling' : 'email');
      return commands.captureProspect(ctx, {
        ...input,
        slug,
        memberId,
        linkedinUrl: slug ? profileUrl(slug) : memberId ? profileUrl(memberId) : null,
        source,
      });
    }
    case 'detail': {
      let p: Prospect | undefined;
      if (req.id) p = await ctx.db.prospects.get(req.id);
      else {
        // By slug, then member id (asked for, or an id-shaped slug), then e-mail: the page may show a
        // slug the person, first seen by id only, does not have yet.
        const keys = profileKeys(req.slug ? `/in/${req.slug}/` : null);
        const memberId = keys.memberId ?? (req.memberId && isMemberId(req.memberId) ? req.memberId : null);
        p =
          (keys.slug ? await findByIdentity(ctx, keys.slug, null) : undefined) ?? (memberId ? await byMemberId(ctx, memberId) : undefined);
        p ??= await findByIdentity(ctx, null, req.email?.trim().toLowerCase() ?? null);
      }
      // A person merged into another opens as the one they were merged into.
      if (p?.mergedInto && p.deletedAt !== null) p = (await ctx.db.prospects.get(p.mergedInto)) ?? p;
      return p && p.deletedAt === null ? detail(ctx, p) : null;
    }
    case 'search':
      // Only what a result line shows, from the index in memory (lib/store/search-index.ts); the
      // person opens by id. Capped: nobody reads past SEARCH_RESULTS_MAX results.
      return { items: await searchHits(ctx, req.query, Math.min(req.limit, SEARCH_RESULTS_MAX)) };
    case 'update': {
      const patch = { ...req.patch };
      return { prospect: await commands.updateProspect(ctx, req.id, patch as commands.ProspectPatch) };
    }
    case 'logTouch': {
      const { touch } = await commands.logTouch(ctx, req);
      return { touch };
    }
    case 'linkEmail':
      return { prospect: await commands.linkEmail(ctx, req.prospectId, req.email) };
    case 'addFollowUp':
      return { followUp: await commands.addFollowUp(ctx, req) };
    case 'completeFollowUp':
      return { followUp: await completeFollowUp(ctx, req.id) };
    case 'snoozeFollowUp':
      return { followUp: await commands.snoozeFollowUp(ctx, req.id, req.until) };
    case 'deleteProspect':
      // The team's rule applies here too (lib/store/delete.ts).
      await deleteProspects(ctx, [req.id]);
      return { deleted: true };
    case 'openSidePanel':
      // Needs the sender's tab and a user gesture: the background answers it (entrypoints/background/side-panel.ts).
      throw new CodedError('side_panel_from_toolbar', 'Open the side panel from the toolbar');
    case 'stages':
      return { stages: await listStages(ctx) };
    case 'overdue':
      return { count: await overdueCount(ctx) };
    case 'due': {
      const items = [];
      for (const followUp of await dueSoon(ctx, req.withinMs, req.limit)) {
        const p = await ctx.db.prospects.get(followUp.prospectId);
        if (p && p.deletedAt === null) items.push({ followUp, prospectName: p.name });
      }
      return { items };
    }
    case 'today':
      return todayQueue(
        ctx,
        req.until,
        req.first !== undefined && req.tomorrow !== undefined ? { first: req.first, tomorrow: req.tomorrow } : undefined,
      );
    default: {
      const reply =
        (await dispatchPlaybook(ctx, req)) ??
        (await dispatchBoard(ctx, req)) ??
        (await dispatchData(ctx, req)) ??
        (await dispatchDelete(ctx, req)) ??
        (await dispatchMerge(ctx, req)) ??
        (await dispatchMembers(ctx, req)) ??
        (await dispatchCaptureMany(ctx, req)) ??
        (await dispatchCompany(ctx, req)) ??
        (await dispatchConversation(ctx, req));
      if (reply === undefined) throw new Error(`Unhandled request ${req.type}`);
      return reply;
    }
  }
}

const SETTINGS_REQUESTS: ReadonlySet<unknown> = new Set(['saveSettings', 'previewSettings']);

/**
 * Why a request is refused, in one line. Settings speak as the options page and imports do, naming
 * the field inside the settings ("scoringRules.perTouch: must be at most 100", "settings: must be an
 * object"), since the scoring editor shows the sentence beside the form as it is.
 */
function requestIssues(raw: unknown, error: z.ZodError): ErrorReply {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (SETTINGS_REQUESTS.has(type) && error.issues.every((i) => i.path[0] === 'settings')) {
    const inner = new z.ZodError(error.issues.map((i) => ({ ...i, path: i.path.slice(1) })));
    return zodReply(inner, describeError('', inner));
  }
  return zodReply(error, `Invalid request: ${describeIssues(error)}`);
}

/**
 * Validate and run one request. Every failure becomes `{ ok: false, error, code, params? }`: a code the UI
 * words in its language, and the English sentence; nothing throws across the message boundary.
 */
export async function handleRequest(ctx: StoreContext, raw: unknown): Promise<Reply<RequestType>> {
  // The input is kept on issues so a missing value reads differently from a wrong one ("is missing" / "must be an object").
  const parsed = RequestSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return requestIssues(raw, parsed.error);
  try {
    return { ok: true, data: await dispatch(ctx, parsed.data) };
  } catch (e) {
    return errorReply(e);
  }
}

export function isRequest(raw: unknown): boolean {
  return (
    typeof raw === 'object' && raw !== null && RequestSchema.options.some((o) => o.shape.type.value === (raw as { type?: unknown }).type)
  );
}
