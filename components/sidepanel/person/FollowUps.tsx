import { useState } from 'preact/hooks';
import type { FollowUp } from '../../../lib/model';
import { send } from '../../shared/api';
import { formatDue, fromLocalInput, toLocalInput } from '../../shared/format';
import { Field } from '../../ui/Field';
import { t } from '../../shared/i18n';
import { ErrorNote } from '../../ui/ErrorNote';
import { nextWorkingSlot } from '../../../lib/pipeline/follow-up-presets';

const HOUR = 3_600_000;

function tomorrowNine(now: number): number {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return d.getTime();
}

const SNOOZES: Array<{ label: 'snooze1h' | 'snoozeTomorrow' | 'snooze1w'; until: (now: number) => number }> = [
  { label: 'snooze1h', until: (now) => now + HOUR },
  { label: 'snoozeTomorrow', until: tomorrowNine },
  { label: 'snooze1w', until: (now) => now + 7 * 24 * HOUR },
];

function FollowUpRow({ f, onError }: { f: FollowUp; onError: (m: string) => void }) {
  const now = Date.now();
  const due = f.openDueAt ?? f.dueAt;
  const overdue = f.doneAt === null && due <= now;
  const act = (p: Promise<unknown>) => p.catch((e: Error) => onError(e.message));
  return (
    <li class={f.doneAt ? 'done' : overdue ? 'overdue' : ''} data-follow-up={f.id}>
      <span class="what">{f.title}</span>
      <span class="when">
        {f.doneAt ? t('doneAt', formatDue(f.doneAt)) : overdue ? t('overdueShort', formatDue(due)) : t('nextShort', formatDue(due))}
      </span>
      {f.doneAt === null && (
        <span class="actions">
          <button type="button" onClick={() => act(send({ type: 'completeFollowUp', id: f.id }))} aria-label={t('done')} title={f.title}>
            {t('done')}
          </button>
          <select
            aria-label={t('snooze')}
            value=""
            onChange={(e) => {
              const choice = SNOOZES[Number((e.currentTarget as HTMLSelectElement).value)];
              if (choice) act(send({ type: 'snoozeFollowUp', id: f.id, until: choice.until(Date.now()) }));
            }}
          >
            <option value="">{t('snooze')}</option>
            {SNOOZES.map((s, i) => (
              <option key={s.label} value={String(i)}>
                {t(s.label)}
              </option>
            ))}
          </select>
        </span>
      )}
    </li>
  );
}

/**
 * `closed`: the deal is won or lost, so having no open follow-up is no news (a won deal must not read
 * as if a follow-up were missing).
 */
export function FollowUps({ prospectId, items, closed = false }: { prospectId: string; items: FollowUp[]; closed?: boolean }) {
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(() => toLocalInput(nextWorkingSlot(Date.now())));
  const [error, setError] = useState<string | null>(null);
  const open = items.filter((f) => f.doneAt === null);
  const done = items.filter((f) => f.doneAt !== null).slice(0, 5);

  return (
    <div class="follow-up-section">
      {open.length === 0 && !closed && <p class="muted">{t('noFollowUps')}</p>}
      <ul class="follow-ups">
        {[...open, ...done].map((f) => (
          <FollowUpRow key={f.id} f={f} onError={setError} />
        ))}
      </ul>
      <form
        class="form add-follow-up"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          const dueAt = fromLocalInput(due);
          if (Number.isNaN(dueAt)) return setError(t('errorDue'));
          try {
            await send({ type: 'addFollowUp', prospectId, title, dueAt });
            setTitle('');
            // The next one starts from the next working slot, not from the (possibly past) time just used.
            setDue(toLocalInput(nextWorkingSlot(Date.now())));
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <Field label={t('fieldFollowUp')}>
          {(id) => (
            <input
              id={id}
              type="text"
              value={title}
              required
              maxLength={300}
              onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)}
            />
          )}
        </Field>
        <Field label={t('fieldDue')}>
          {(id) => (
            <input
              id={id}
              type="datetime-local"
              value={due}
              required
              onInput={(e) => setDue((e.currentTarget as HTMLInputElement).value)}
            />
          )}
        </Field>
        <button type="submit">{t('addFollowUp')}</button>
      </form>
      <ErrorNote error={error} />
    </div>
  );
}
