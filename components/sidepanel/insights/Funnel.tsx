// Funnel analytics for the period: who entered each stage and moved on, where they dropped off, and
// how long a stay lasted.
import type { InsightsView } from '../../../lib/messaging/data-types';
import { stageLabel, t } from '../../shared/i18n';
import { Bars, Chart, Legend } from './BarChart';
import { DataTable } from './DataTable';
import { count, days, share } from './format';

type StageRow = InsightsView['stages'][number];

export function Funnel({ stages }: { stages: StageRow[] }) {
  const flow = stages.filter((s) => s.kind !== 'lost');
  const open = stages.filter((s) => s.kind === 'open');
  const label = (s: StageRow) => stageLabel(s.key, s.name);
  // A stage deals jumped over and nobody entered says so, instead of a conversion it never had.
  const skippedOnly = (s: StageRow) => s.entered === 0 && s.skipped > 0;
  const conversion = (s: StageRow) => (skippedOnly(s) ? t('insightsSkipped') : share(s.conversion));
  const anySkips = flow.some((s) => s.skipped > 0);
  if (stages.every((s) => s.entered === 0)) return <p class="muted">{t('insightsNobodyEntered')}</p>;
  return (
    <>
      <Chart
        id="funnel"
        title={t('insightsFunnel')}
        note={anySkips && <p class="muted hint">{t('insightsSkippedHint')}</p>}
        table={
          <>
            <DataTable
              labelledBy="funnel-h"
              corner={t('fieldStage')}
              columns={[
                { key: 'entered', label: t('insightsEntered') },
                { key: 'movedOn', label: t('insightsMovedOn') },
                { key: 'conversion', label: t('insightsConversion') },
                { key: 'skipped', label: t('insightsSkippedColumn') },
              ]}
              rows={flow.map((s) => ({
                key: s.key,
                head: label(s),
                cells: {
                  entered: count(s.entered),
                  movedOn: s.kind === 'open' ? count(s.movedOn) : '—',
                  conversion: conversion(s),
                  skipped: count(s.skipped),
                },
              }))}
            />
            <p class="muted hint table-rule">{t('insightsConversionRule')}</p>
          </>
        }
      >
        <Bars
          summary={flow
            .map((s) =>
              skippedOnly(s)
                ? t('insightsSkippedRow', [label(s), count(s.skipped)])
                : t('insightsFunnelRow', [label(s), count(s.entered), count(s.movedOn), share(s.conversion)]),
            )
            .join('; ')}
          rows={flow.map((s) => ({
            key: s.key,
            label: label(s),
            text: skippedOnly(s)
              ? t('insightsSkippedText', count(s.skipped))
              : s.kind === 'open'
                ? `${count(s.entered)} → ${count(s.movedOn)} · ${share(s.conversion)}`
                : count(s.entered),
            segments: [
              { value: s.kind === 'open' ? s.movedOn : s.entered, tone: 'main' },
              { value: s.kind === 'open' ? s.entered - s.movedOn : 0, tone: 'soft' },
            ],
          }))}
        />
        <Legend
          items={[
            { tone: 'main', name: t('insightsMovedOn') },
            { tone: 'soft', name: t('insightsNotYet') },
          ]}
        />
      </Chart>

      <Chart
        id="dropoff"
        title={t('insightsDropOff')}
        table={
          <DataTable
            labelledBy="dropoff-h"
            corner={t('fieldStage')}
            columns={[
              { key: 'lost', label: t('insightsLost') },
              { key: 'goneDark', label: t('insightsGoneDark') },
              { key: 'stillIn', label: t('insightsStillIn') },
              { key: 'movedBack', label: t('insightsMovedBack') },
            ]}
            rows={open.map((s) => ({
              key: s.key,
              head: label(s),
              cells: { lost: count(s.lost), goneDark: count(s.goneDark), stillIn: count(s.stillIn), movedBack: count(s.movedBack) },
            }))}
          />
        }
      >
        <Bars
          summary={open.map((s) => t('insightsDropRow', [label(s), count(s.lost), count(s.goneDark)])).join('; ')}
          rows={open.map((s) => ({
            key: s.key,
            label: label(s),
            text: t('insightsDropText', [count(s.lost), count(s.goneDark)]),
            segments: [
              { value: s.lost, tone: 'lost' },
              { value: s.goneDark, tone: 'dark' },
            ],
          }))}
        />
        <Legend
          items={[
            { tone: 'lost', name: t('insightsLost') },
            { tone: 'dark', name: t('insightsGoneDark') },
          ]}
        />
      </Chart>

      <Chart
        id="days"
        title={t('insightsMedianDays')}
        note={<p class="muted hint">{t('insightsMedianHint')}</p>}
        table={
          <DataTable
            labelledBy="days-h"
            corner={t('fieldStage')}
            columns={[
              { key: 'medianDays', label: t('insightsMedianDaysColumn') },
              { key: 'openVisits', label: t('insightsOpenVisits') },
            ]}
            rows={open.map((s) => ({
              key: s.key,
              head: label(s),
              cells: { medianDays: days(s.medianDays), openVisits: count(s.openVisits) },
            }))}
          />
        }
      >
        <Bars
          summary={open.map((s) => t('insightsDaysRow', [label(s), days(s.medianDays)])).join('; ')}
          rows={open.map((s) => ({
            key: s.key,
            label: label(s),
            text: s.medianDays === null ? '—' : t('insightsDaysShort', days(s.medianDays)),
            segments: [{ value: s.medianDays ?? 0, tone: 'main' }],
          }))}
        />
      </Chart>
    </>
  );
}
