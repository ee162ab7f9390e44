import { useEffect, useId, useState } from 'preact/hooks';
import { send } from '../../shared/api';
import { stageLabel, t } from '../../shared/i18n';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { ON_THIS_PAGE_HEADING_ID } from './OnThisPageJump';
import type { PageList, PageRow } from './usePagePeople';
import './on-this-page.css';

/** A row's identity on the page (slug, else member id): stable across reloads, so ticks survive a refresh. */
function rowKey(r: PageRow): string {
  return r.mention.slug ?? `member:${r.mention.memberId}`;
}

/**
 * "On this page": everyone the LinkedIn tab shows — the profile person, search results, a company's
 * People tab, messaging partners, post authors — each with their stage (opens them here) or Add, and
 * the untracked ones ticked and added together in one change. In quiet mode this is where the page's
 * people show, since Jalur adds nothing to LinkedIn's page itself.
 */
export function OnThisPage({ list, reload, onOpen }: { list: PageList; reload: () => void; onOpen: (prospectId: string) => void }) {
  const headingId = useId();
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [error, setError] = useState<string | null>(null);

  const rows = list.kind === 'ready' ? list.rows : [];
  const open = rows.filter((r) => !r.person);
  // Ticks only ever name people on the page who are not in the pipeline yet.
  const chosen = open.filter((r) => ticked.has(rowKey(r)));
  useEffect(() => {
    if (chosen.length !== ticked.size) setTicked(new Set(chosen.map(rowKey)));
  }, [list]);

  if (list.kind === 'off') return null;

  const tick = (key: string, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(key);
    else next.delete(key);
    setTicked(next);
  };

  async function addOne(r: PageRow) {
    setBusy(rowKey(r));
    setError(null);
    try {
      await send({ type: 'capture', input: r.capture });
      setSaid(t('onThisPageAddedOne', r.mention.name));
      reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  async function addChosen() {
    if (chosen.length === 0) return;
    setBusy('many');
    setError(null);
    try {
      // One change for all of them: one transaction, one sync batch (never a loop of single clips).
      const result = await send({ type: 'captureMany', inputs: chosen.map((r) => r.capture) });
      setSaid(
        result.alreadyTracked > 0
          ? t('onThisPageAdded', [String(result.added), String(result.alreadyTracked)])
          : t('onThisPageAddedOne', String(result.added)),
      );
      setTicked(new Set());
      reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  const tracked = rows.length - open.length;
  const allTicked = open.length > 0 && chosen.length === open.length;

  return (
    <section class="on-this-page" aria-labelledby={ON_THIS_PAGE_HEADING_ID}>
      <div class="otp-head">
        {/* Focusable (not a Tab stop): the jump line at the top of the panel moves focus here. */}
        <h2 id={ON_THIS_PAGE_HEADING_ID} tabIndex={-1}>
          {t('onThisPage')}
        </h2>
        <Button variant="ghost" size="sm" onClick={reload}>
          {t('onThisPageRefresh')}
        </Button>
      </div>
      {list.kind === 'loading' ? (
        <p class="muted" aria-busy="true">
          {t('loading')}
        </p>
      ) : list.kind === 'failed' ? (
        <ErrorNote error={list.error} />
      ) : rows.length === 0 ? (
        <p class="muted">{t('onThisPageEmpty')}</p>
      ) : (
        <>
          <p class="muted otp-summary">{rows.length === 1 ? t('onThisPageSummaryOne', String(tracked)) : t('onThisPageSummary', [String(rows.length), String(tracked)])}</p>
          {open.length > 1 && (
            <label class="otp-all">
              <input
                type="checkbox"
                checked={allTicked}
                onChange={(e) => setTicked(e.currentTarget.checked ? new Set(open.map(rowKey)) : new Set())}
              />
              {t('onThisPageSelectAll')}
            </label>
          )}
          <ul class={open.length ? 'otp-list' : 'otp-list all-tracked'}>
            {rows.map((r) => {
              const key = rowKey(r);
              const name = r.mention.name;
              // Ids for Add's accessible name: its visible word, then the person's name ("Add Ayu Lestari").
              const ids = { add: `${headingId}-add-${key}`, name: `${headingId}-name-${key}` };
              return (
                <li key={key} class="otp-row" data-slug={r.mention.slug ?? undefined}>
                  {r.person ? (
                    open.length > 0 && <span class="otp-tick" aria-hidden="true" />
                  ) : (
                    <input
                      class="otp-tick"
                      type="checkbox"
                      aria-label={t('onThisPageSelect', name)}
                      checked={ticked.has(key)}
                      onChange={(e) => tick(key, e.currentTarget.checked)}
                    />
                  )}
                  <span class="otp-who">
                    <span class="otp-name" id={ids.name}>
                      {name}
                    </span>
                    {r.mention.headline && <span class="otp-headline">{r.mention.headline}</span>}
                  </span>
                  {r.person ? (
                    <button
                      type="button"
                      class="stage-pill otp-stage"
                      data-stage={r.person.stageKey}
                      data-stage-kind={r.person.stageKind}
                      aria-label={`${t('onThisPageOpen', name)}: ${stageLabel(r.person.stageKey, r.person.stageName)}`}
                      onClick={() => onOpen(r.person!.prospectId)}
                    >
                      {stageLabel(r.person.stageKey, r.person.stageName)}
                    </button>
                  ) : (
                    <Button size="sm" id={ids.add} aria-labelledby={`${ids.add} ${ids.name}`} disabled={busy !== null} onClick={() => void addOne(r)}>
                      {t('onThisPageAdd')}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
          {open.length > 0 && (
            <Button
              variant="primary"
              class="otp-add-many"
              disabled={chosen.length === 0 || busy !== null}
              onClick={() => void addChosen()}
            >
              {t('onThisPageAddN', String(chosen.length))}
            </Button>
          )}
        </>
      )}
      <p class="otp-said" role="status">
        {said}
      </p>
      <ErrorNote error={error} />
    </section>
  );
}
