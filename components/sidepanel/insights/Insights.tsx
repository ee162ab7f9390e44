import { useEffect, useMemo, useState } from 'preact/hooks';
import type { InsightsView } from '../../../lib/messaging/data-types';
import { send } from '../../shared/api';
import { ErrorNote } from '../../ui/ErrorNote';
import { t } from '../../shared/i18n';
import { useStoreVersion } from '../../shared/useStoreVersion';
import { EmptyPipeline } from '../EmptyPipeline';
import { PeriodChooser } from './PeriodChooser';
import { Forecast, OpenValue } from './Pipeline';
import { Funnel } from './Funnel';
import { LostReasons, TouchesBeforeSql } from './Outcomes';
import { dateInput, periodFor, type PeriodChoice } from './period';
import { dateRange } from './format';
import './insights.css';

/** The side panel's insights: funnel and pipeline numbers for a chosen period, computed in the background. */
export function Insights() {
  const [choice, setChoice] = useState<PeriodChoice>('quarter');
  const [custom, setCustom] = useState(() => {
    const now = new Date();
    return { from: dateInput(new Date(now.getFullYear(), now.getMonth(), 1)), to: dateInput(now) };
  });
  const [data, setData] = useState<InsightsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useStoreVersion();
  // Recomputed per render day: "this month" moves on at midnight for a panel left open.
  const period = useMemo(() => periodFor(choice, new Date(), custom), [choice, custom.from, custom.to, version]);

  useEffect(() => {
    if (!period) return;
    let live = true;
    send({ type: 'insights', from: period.from, to: period.to, targetPeriod: period.targetPeriod })
      .then((r) => live && (setData(r), setError(null)))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [period?.from, period?.to, period?.targetPeriod, version]);

  return (
    <section class="insights" aria-labelledby="insights-h">
      <h2 id="insights-h">{t('insightsHeading')}</h2>
      <PeriodChooser choice={choice} onChoice={setChoice} custom={custom} onCustom={setCustom} invalid={!period} />
      {period && (
        <p class="muted period" data-from={period.from} data-to={period.to}>
          {dateRange(period.from, period.to)}
        </p>
      )}
      <ErrorNote error={error} />
      {!data ? (
        !error && <p class="muted">{t('loading')}</p>
      ) : data.stages.every((s) => s.current === 0 && s.entered === 0) ? (
        <EmptyPipeline title="insightsEmptyTitle" />
      ) : (
        <div class="charts" aria-busy={period !== null && (data.from !== period.from || data.to !== period.to)}>
          <Forecast data={data} />
          <Funnel stages={data.stages} />
          <OpenValue data={data} />
          <TouchesBeforeSql data={data.touchesBeforeSql} />
          <LostReasons reasons={data.lostReasons} />
        </div>
      )}
    </section>
  );
}
