// What the toolbar icon says about one LinkedIn tab. In quiet mode ("Show Jalur on LinkedIn pages"
// unticked) Jalur adds nothing to the page, so the icon's tooltip and its per-tab variant are where the
// rep learns whether the person in front of them is in the pipeline. Pure: words, stage names and dates
// come in as functions (the background passes chrome.i18n and Intl), so this runs in unit tests as is.
import { capText, cleanLine } from '../model/text';

/** The message keys this module composes with (public/_locales/<lang>/messages.json). */
export type TabTitleKey =
  | 'tabTitlePerson'
  | 'tabTitleUntracked'
  | 'tabTitleScore'
  | 'tabTitleNext'
  | 'tabTitleOverdue'
  | 'tabTitleNoNext'
  | 'tabTitleStalled'
  | 'tabTitleList'
  | 'tabTitleListOne'
  | 'badgeTitle'
  | 'badgeTitleNone';

export interface TabTitleWords {
  t: (key: TabTitleKey, subs?: string[]) => string;
  /** The team's name for the stage, or the localised default. */
  stageLabel: (key: string, name: string | null) => string;
  /** A due time as the rep reads it (their locale and time zone). */
  formatDue: (at: number) => string;
}

/** What the pipeline knows about the tab's person (a subset of the lookup's PersonView). */
export interface TrackedFacts {
  name: string;
  stageKey: string;
  stageName: string | null;
  stageKind: 'open' | 'won' | 'lost';
  score: number;
  nextFollowUp: { dueAt: number; overdue: boolean } | null;
  stalled: boolean;
  silenceDays: number;
}

export type TabSubject =
  /** A profile: the name the page shows, and the pipeline's record when there is one. */
  | { kind: 'person'; pageName: string | null; tracked: TrackedFacts | null }
  /** A page listing people (search results, a company's People tab, the feed): how many, how many tracked. */
  | { kind: 'list'; shown: number; tracked: number }
  /** Nothing Jalur recognises: the tab shows what every tab shows. */
  | { kind: 'none' };

export type TabIcon = 'default' | 'tracked' | 'untracked';

export interface TabStatus {
  title: string;
  icon: TabIcon;
}

/** Names come from the page (hostile): one line, no controls or bidi marks, bounded. */
const NAME_MAX = 80;

function safeName(s: string): string {
  return capText(cleanLine(s), NAME_MAX);
}

/** The overdue sentence the global title carries; repeated under a tab's own title so it is never hidden. */
function overdueLine(overdue: number, words: TabTitleWords): string | null {
  return overdue > 0 ? words.t('badgeTitle', [String(overdue)]) : null;
}

function trackedTitle(p: TrackedFacts, pageName: string | null, words: TabTitleWords): string {
  const facts = [words.stageLabel(p.stageKey, p.stageName), words.t('tabTitleScore', [String(p.score)])];
  // A won or lost deal has no next touch to plan; an open one says when, or that none is planned.
  if (p.stageKind === 'open') {
    const next = p.nextFollowUp;
    if (!next) facts.push(words.t('tabTitleNoNext'));
    else facts.push(words.t(next.overdue ? 'tabTitleOverdue' : 'tabTitleNext', [words.formatDue(next.dueAt)]));
    if (p.stalled) facts.push(words.t('tabTitleStalled', [String(p.silenceDays)]));
  }
  // The pipeline's name is the one the rep chose to keep; the page's is the fallback.
  const name = safeName(p.name) || safeName(pageName ?? '');
  return words.t('tabTitlePerson', [name, facts.join(', ')]);
}

/**
 * The tab's tooltip and icon variant. A tab with nothing to say gets the global title's words and the
 * default icon (Chrome keeps a tab's own title until the tab navigates; it cannot be unset).
 */
export function composeTabStatus(subject: TabSubject, overdue: number, words: TabTitleWords): TabStatus {
  let head: string | null = null;
  let icon: TabIcon = 'default';
  if (subject.kind === 'person') {
    if (subject.tracked) {
      head = trackedTitle(subject.tracked, subject.pageName, words);
      icon = 'tracked';
    } else {
      const name = safeName(subject.pageName ?? '');
      if (name) {
        head = words.t('tabTitleUntracked', [name]);
        icon = 'untracked';
      }
    }
  } else if (subject.kind === 'list' && subject.shown > 0) {
    head =
      subject.shown === 1
        ? words.t('tabTitleListOne', [String(subject.tracked)])
        : words.t('tabTitleList', [String(subject.shown), String(subject.tracked)]);
    icon = subject.tracked > 0 ? 'tracked' : 'untracked';
  }
  const tail = overdueLine(overdue, words);
  // No head: the same sentence the global title has (so a tab once given a title of its own reads like any other).
  const title = head ? (tail ? `${head}\n${tail}` : head) : (tail ?? words.t('badgeTitleNone'));
  return { title, icon };
}
