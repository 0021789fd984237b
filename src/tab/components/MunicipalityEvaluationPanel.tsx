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
      <ErrorMessage error={error} />
    </Panel>
  );
}
