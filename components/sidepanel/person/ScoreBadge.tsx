import type { ScoreLine } from '../../../lib/model';
import { t, type MessageKey } from '../../shared/i18n';

/** The score and, on opening, which rule gave how many points (DESIGN.md §1: explainable). */
export function ScoreBadge({ score, breakdown }: { score: number; breakdown: ScoreLine[] }) {
  return (
    <details class="score">
      <summary>{t('scoreShort', String(score))}</summary>
      <table>
        <caption>{t('scoreBreakdown')}</caption>
        <tbody>
          {breakdown.length === 0 && (
            <tr>
              <td colSpan={2}>{t('scoreNoRules')}</td>
            </tr>
          )}
          {breakdown.map((l) => (
            <tr key={l.rule}>
              <th scope="row">
                {t(`rule_${l.rule}` as MessageKey) || l.rule}
                {l.detail ? ` (${l.detail})` : ''}
              </th>
              <td>{l.points > 0 ? `+${l.points}` : l.points}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
