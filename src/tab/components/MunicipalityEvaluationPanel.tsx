import { useEffect, useState } from 'react';
import { Text } from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import type { MunicipalityEvaluation } from '../../api/chat-results.js';
import { useI18n } from '../i18n.js';
import { ErrorMessage } from './ErrorMessage.js';
import { Panel } from './Panel.js';
import { EvaluationSummaryView } from './EvaluationPanel.js';
import { municipalityEvaluationSchema } from '../../api/chat-results.js';

/** For the municipal lead: how participants rated the conversations, overall and per school year. */
export function MunicipalityEvaluationPanel({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const [data, setData] = useState<MunicipalityEvaluation | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get('/evaluations', municipalityEvaluationSchema).then(setData, setError);
  }, [api]);
  return (
    <Panel title={t('evaluation.municipalityTitle')}>
      {data?.overall.responses === 0 ? <Text>{t('evaluation.municipalityEmpty')}</Text> : null}
      {data && data.overall.responses > 0 ? (
        <>
          <Text block>{t('evaluation.conversations', { count: data.conversations })}</Text>
          {data.bySchoolYear.map((year) => (
            <section key={year.schoolYear} aria-label={t('evaluation.schoolYear', { year: year.schoolYear })}>
              <Text as="h3" block weight="semibold">
                {t('evaluation.schoolYear', { year: year.schoolYear })}
              </Text>
              <EvaluationSummaryView summary={year} />
            </section>
          ))}
        </>
      ) : null}
      {data && data.overrunItems.length > 0 ? (
        <table data-testid="overrun-items" style={{ borderCollapse: 'collapse' }}>
          <caption style={{ textAlign: 'start', fontWeight: 600 }}>{t('evaluation.overrunItems')}</caption>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: 'start' }}>
                {t('evaluation.timeUseItem')}
              </th>
              <th scope="col">{t('evaluation.overranIn')}</th>
              <th scope="col">{t('evaluation.averageOverrun')}</th>
            </tr>
          </thead>
          <tbody>
            {data.overrunItems.map((item) => (
              <tr key={item.title}>
                <th scope="row" style={{ textAlign: 'start', fontWeight: 400 }}>
                  {item.title}
                </th>
                <td>{t('evaluation.overranCount', { count: item.overran, total: item.held })}</td>
                <td>{t('addin.minutes', { minutes: item.averageOverrunMinutes })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ErrorMessage error={error} />
    </Panel>
  );
}
