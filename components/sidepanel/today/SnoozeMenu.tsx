import { useEffect, useRef, useState } from 'preact/hooks';
import { SNOOZE_PRESETS, snoozeUntil, type SnoozePreset } from '../../../lib/pipeline/today';
import { fromLocalInput, toLocalInput } from '../../shared/format';
import { t, uiLocale, type MessageKey } from '../../shared/i18n';

const LABEL: Record<SnoozePreset, MessageKey> = { hour: 'snoozeHour', tomorrow: 'snoozeTomorrow', monday: 'snoozeMonday' };

/**
 * The snooze choices as a menu: 1–4 pick directly, arrows move, Enter picks, Escape closes. Times are
 * the rep's local time; each preset shows when it ends.
 */
export function SnoozeMenu({
  label,
  timeZone,
  onPick,
  onClose,
}: {
  label: string;
  timeZone: string;
  onPick: (until: number) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [picking, setPicking] = useState(false);
  const [custom, setCustom] = useState(() => toLocalInput(snoozeUntil('tomorrow', Date.now(), timeZone)));
  const [error, setError] = useState<string | null>(null);
  const now = Date.now();
  const when = (at: number) =>
    new Intl.DateTimeFormat(uiLocale(), { weekday: 'short', hour: 'numeric', minute: '2-digit', timeZone }).format(at);

  useEffect(() => {
    if (!picking) ref.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    else ref.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [picking]);

  const items = () => [...(ref.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (picking) return;
    const list = items();
    const i = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'j') list[(i + 1) % list.length]?.focus();
    else if (e.key === 'ArrowUp' || e.key === 'k') list[(i - 1 + list.length) % list.length]?.focus();
    else if (e.key === 'Home') list[0]?.focus();
    else if (e.key === 'End') list.at(-1)?.focus();
    else if (/^[1-4]$/.test(e.key)) list[Number(e.key) - 1]?.click();
    else if (e.key === 'Tab') onClose();
    else return;
    e.preventDefault();
  };

  return (
    <div class="snooze-menu" ref={ref} onKeyDown={onKeyDown}>
      {picking ? (
        <form
          class="snooze-pick"
          onSubmit={(e) => {
            e.preventDefault();
            const at = fromLocalInput(custom);
            if (!Number.isFinite(at) || at <= Date.now()) return setError(t('snoozeFuture'));
            onPick(at);
          }}
        >
          <label>
            {t('snoozeUntil')}
            <input type="datetime-local" value={custom} onInput={(e) => setCustom((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <button type="submit" class="primary">
            {t('snooze')}
          </button>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
        </form>
      ) : (
        <div role="menu" aria-label={label}>
          {SNOOZE_PRESETS.map((p, i) => {
            const until = snoozeUntil(p, now, timeZone);
            return (
              <button type="button" role="menuitem" tabIndex={-1} key={p} onClick={() => onPick(until)}>
                <kbd aria-hidden="true">{i + 1}</kbd> {t(LABEL[p])} <span class="muted">{when(until)}</span>
              </button>
            );
          })}
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => setPicking(true)}>
            <kbd aria-hidden="true">4</kbd> {t('snoozePick')}
          </button>
        </div>
      )}
    </div>
  );
}
