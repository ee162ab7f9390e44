import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { flatten, groupToday, startOfLocalDay, windowEnd } from '../../lib/pipeline/today';
import type { TodayQueue } from '../../lib/store/today-queue';
import { send } from '../shared/api';
import { ErrorNote } from '../ui/ErrorNote';
import { t } from '../shared/i18n';
import { dueFull, dueLabel, localTimeZone } from '../sidepanel/today/format';
import { openPanelOn, type PanelTarget } from '../sidepanel/today/open-person';
import { useStoreVersion } from '../shared/useStoreVersion';

/** As many as fit the popup without scrolling past the person's own section. */
const SHOWN = 5;

/**
 * The first items of the Today queue (overdue, then the rest of today, in the queue's order), each
 * opening the person in the side panel, each closable in one click; the rest is one click away.
 */
export function DueNow() {
  const timeZone = useMemo(localTimeZone, []);
  const [queue, setQueue] = useState<TodayQueue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [where, setWhere] = useState<{ tabId: number | null; windowId: number | null }>({ tabId: null, windowId: null });
  const version = useStoreVersion();
  useEffect(() => {
    // The queue's first page: its first rows and each group's size, counted on the index; a long
    // queue costs the popup no more than a short one.
    const now = Date.now();
    void send({ type: 'today', until: windowEnd(now, timeZone), first: SHOWN, tomorrow: startOfLocalDay(now, timeZone, 1) })
      .then((q) => (setQueue(q), setError(null)))
      .catch((e: Error) => setError(e.message));
  }, [version, timeZone]);
  // Known before any click: the panel must be opened within the click itself, with nothing awaited.
  useEffect(() => {
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => setWhere({ tabId: tab?.id ?? null, windowId: tab?.windowId ?? null }))
      .catch(() => undefined);
  }, []);

  const due = useMemo(() => {
    if (!queue) return [];
    const groups = groupToday(queue.items, queue.now, timeZone);
    return flatten(groups.filter((g) => g.key !== 'upcoming')).map((i) => ({ ...i, late: i.dueAt <= queue.now }));
  }, [queue, timeZone]);
  const shown = due.slice(0, SHOWN);
  const dueCount = queue?.counts ? queue.counts.overdue + queue.counts.today : due.length;
  const more = Math.max(0, dueCount - shown.length);

  const open = (target: PanelTarget) => {
    openPanelOn(target, where)
      .then(() => window.close())
      .catch((e: Error) => setError(e.message));
  };

  return (
    <section aria-labelledby="due-h" class="due-now">
      <h2 id="due-h">{t('dueNow')}</h2>
      <ErrorNote error={error} />
      {queue && dueCount === 0 ? (
        <p class="muted">{t('nothingDue')}</p>
      ) : (
        <ul class="follow-ups">
          {shown.map((i) => (
            <li key={i.id} class={i.late ? 'overdue' : ''}>
              <button type="button" class="link what" onClick={() => open({ view: 'person', prospectId: i.prospectId })}>
                <span class="name">{i.name}</span>: {i.title}
              </button>
              <span class="when" title={dueFull(i.dueAt, timeZone)}>
                {dueLabel(i.dueAt, queue!.now, i.late ? 'overdue' : 'today', timeZone)}
              </span>
              <button
                type="button"
                aria-label={`${t('done')}: ${i.name} – ${i.title}`}
                onClick={() => send({ type: 'completeFollowUp', id: i.id }).catch((e: Error) => setError(e.message))}
              >
                {t('done')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {queue && (more > 0 || dueCount > 0) && (
        <button type="button" class="link" onClick={() => open({ view: 'today' })}>
          {more > 0 ? t('dueMore', String(more)) : t('openToday')}
        </button>
      )}
    </section>
  );
}
