import { useState } from 'preact/hooks';
import { ENGAGEMENTS, TOUCH_CHANNELS, type Engagement, type Touch, type TouchChannel } from '../../../lib/model';
import { send } from '../../shared/api';
import { formatDue } from '../../shared/format';
import { Field } from '../../ui/Field';
import { t, type MessageKey } from '../../shared/i18n';
import { ErrorNote } from '../../ui/ErrorNote';

export function TouchLog({ prospectId, touches }: { prospectId: string; touches: Touch[] }) {
  const [channel, setChannel] = useState<TouchChannel>('linkedin_message');
  const [direction, setDirection] = useState<'out' | 'in'>('out');
  const [engagement, setEngagement] = useState<Engagement | ''>('');
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
            const kind = channel === 'social_engagement' && engagement ? engagement : null;
            await send({ type: 'logTouch', prospectId, channel, direction, note: note || null, engagement: kind });
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
        {channel === 'social_engagement' && (
          <Field label={t('fieldEngagement')}>
            {(id) => (
              <select id={id} value={engagement} onChange={(e) => setEngagement((e.currentTarget as HTMLSelectElement).value as Engagement | '')}>
                <option value="">{t('engagementUnsaid')}</option>
                {ENGAGEMENTS.map((k) => (
                  <option key={k} value={k}>
                    {t(`engagementKind_${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
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
            {x.engagement && <><span>{t(`engagement_${x.engagement}`)}</span> ·{' '}</>}
            <span>{x.direction === 'in' ? t('directionIn') : t('directionOut')}</span> · <time>{formatDue(x.occurredAt)}</time>
            {x.note && <div class="note">{x.note}</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}
