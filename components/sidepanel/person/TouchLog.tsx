import { useState } from 'preact/hooks';
import { TOUCH_CHANNELS, type Touch, type TouchChannel } from '../../../lib/model';
import { send } from '../../shared/api';
import { formatDue } from '../../shared/format';
import { Field } from '../../ui/Field';
import { t, type MessageKey } from '../../shared/i18n';
import { ErrorNote } from '../../ui/ErrorNote';

export function TouchLog({ prospectId, touches }: { prospectId: string; touches: Touch[] }) {
  const [channel, setChannel] = useState<TouchChannel>('linkedin_message');
  const [direction, setDirection] = useState<'out' | 'in'>('out');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <div class="touch-log">
      <form
        class="form log-touch"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try {
            await send({ type: 'logTouch', prospectId, channel, direction, note: note || null });
            setNote('');
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <Field label={t('fieldChannel')}>
          {(id) => (
            <select id={id} value={channel} onChange={(e) => setChannel((e.currentTarget as HTMLSelectElement).value as TouchChannel)}>
              {TOUCH_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel_${c}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fieldDirection')}>
          {(id) => (
            <select id={id} value={direction} onChange={(e) => setDirection((e.currentTarget as HTMLSelectElement).value as 'out' | 'in')}>
              <option value="out">{t('directionOut')}</option>
              <option value="in">{t('directionIn')}</option>
            </select>
          )}
        </Field>
        <Field label={t('fieldNote')}>
          {(id) => (
            <input
              id={id}
              type="text"
              value={note}
              maxLength={2000}
              onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)}
            />
          )}
        </Field>
        <button type="submit">{t('logTouch')}</button>
      </form>
      <ErrorNote error={error} />
      <ul class="touches">
        {touches.slice(0, 10).map((x) => (
          <li key={x.id}>
            <span>{t(`channel_${x.channel}` as MessageKey)}</span> ·{' '}
            <span>{x.direction === 'in' ? t('directionIn') : t('directionOut')}</span> · <time>{formatDue(x.occurredAt)}</time>
            {x.note && <div class="note">{x.note}</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}
