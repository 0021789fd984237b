import { useEffect, useState } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import type { ConversationEvaluation, EvaluationSummary } from '../../api/chat-results.js';
import { useI18n } from '../i18n.js';
import { ErrorMessage } from './ErrorMessage.js';
import { Panel } from './Panel.js';
import { conversationEvaluationSchema } from '../../api/chat-results.js';

const useStyles = makeStyles({
  bars: { display: 'grid', gridTemplateColumns: 'auto 1fr auto', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  bar: { height: '10px', backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** The aggregate of "samtale om samtalen": counts, average, all texts, without names. */
export function EvaluationSummaryView({ summary }: { summary: EvaluationSummary & { invited?: number } }) {
  const { t } = useI18n();
  const styles = useStyles();
  const most = Math.max(1, ...summary.ratingCounts);
  const texts = (key: 'wentWell' | 'adjust' | 'carryForward') =>
    summary[key].length > 0 ? (
      <>
        <Text weight="semibold">{t(`evaluation.${key}`)}</Text>
        <ul className={styles.list}>
          {summary[key].map((text, i) => (
            <li key={i}>
              <Text>{text}</Text>
            </li>
          ))}
        </ul>
      </>
    ) : null;
  return (
    <>
      <Text block data-testid="evaluation-summary">
        {summary.invited !== undefined
          ? t('evaluation.responsesOf', { count: summary.responses, total: summary.invited })
          : t('evaluation.responses', { count: summary.responses })}
        {summary.averageRating !== null ? ` · ${t('evaluation.average', { average: summary.averageRating })}` : ''}
      </Text>
      <div className={styles.bars} role="table" aria-label={t('evaluation.ratings')}>
        {summary.ratingCounts.map((count, index) => (
          <div key={index} role="row" style={{ display: 'contents' }}>
            <Text role="rowheader">{index + 1}</Text>
            <div role="cell" aria-label={t('evaluation.ratingCount', { rating: index + 1, count })}>
              <div className={styles.bar} style={{ width: `${(count / most) * 100}%`, minWidth: count ? 4 : 0 }} />
            </div>
            <Text role="cell">{count}</Text>
          </div>
        ))}
      </div>
      {texts('wentWell')}
      {texts('adjust')}
      {texts('carryForward')}
    </>
  );
}

export function EvaluationPanel({ api, conversationId }: { api: ApiClient; conversationId: string }) {
  const { t } = useI18n();
  const [summary, setSummary] = useState<ConversationEvaluation | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get(`/conversations/${conversationId}/evaluation`, conversationEvaluationSchema).then(setSummary, setError);
  }, [api, conversationId]);
  return (
    <Panel title={t('evaluation.title')}>
      {summary === null && !error ? <Text>{t('loading')}</Text> : null}
      {summary?.responses === 0 ? <Text>{t('evaluation.empty')}</Text> : null}
      {summary && summary.responses > 0 ? <EvaluationSummaryView summary={summary} /> : null}
      {summary && summary.timeUse.length > 0 ? <TimeUseTable uses={summary.timeUse} /> : null}
      <ErrorMessage error={error} />
    </Panel>
  );
}

/** What each item took in the meeting against the agenda (from the live agenda), overruns marked. */
function TimeUseTable({ uses }: { uses: ConversationEvaluation['timeUse'] }) {
  const { t } = useI18n();
  return (
    <table data-testid="time-use" style={{ borderCollapse: 'collapse' }}>
      <caption style={{ textAlign: 'start', fontWeight: 600 }}>{t('evaluation.timeUse')}</caption>
      <thead>
        <tr>
          <th scope="col" style={{ textAlign: 'start' }}>
            {t('evaluation.timeUseItem')}
          </th>
          <th scope="col">{t('evaluation.timeUsePlanned')}</th>
          <th scope="col">{t('evaluation.timeUseActual')}</th>
        </tr>
      </thead>
      <tbody>
        {uses.map((u) => (
          <tr key={u.key}>
            <th scope="row" style={{ textAlign: 'start', fontWeight: 400 }}>
              {u.title}
            </th>
            <td>{t('addin.minutes', { minutes: u.plannedMinutes })}</td>
            <td>
              {t('addin.minutes', { minutes: u.actualMinutes ?? 0 })}
              {u.overrunMinutes !== null && u.overrunMinutes >= 2 ? ` (${t('evaluation.overran', { minutes: u.overrunMinutes })})` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
