import { useEffect, useState } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import type { PreparationAnswers } from '../../api/chat-results.js';
import { useI18n } from '../i18n.js';
import { ErrorMessage } from './ErrorMessage.js';
import { Panel } from './Panel.js';
import { preparationListSchema } from '../../api/chat-results.js';

const useStyles = makeStyles({
  person: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** The participants' answers to the preparation questions, sent to them in chat before the meeting. */
export function PreparationPanel({ api, conversationId }: { api: ApiClient; conversationId: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [answers, setAnswers] = useState<PreparationAnswers[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get(`/conversations/${conversationId}/preparation`, preparationListSchema).then((r) => setAnswers(r.answers), setError);
  }, [api, conversationId]);
  return (
    <Panel title={t('preparation.title')}>
      {answers === null && !error ? <Text>{t('loading')}</Text> : null}
      {answers?.length === 0 ? <Text>{t('preparation.empty')}</Text> : null}
      {answers?.map((person) => (
        <div key={person.upn} className={styles.person}>
          <Text weight="semibold">{person.displayName}</Text>
          <ul className={styles.list}>
            {person.answers.map((a) => (
              <li key={a.questionId}>
                <Text size={200}>
                  {a.itemTitle} – {a.text}
                </Text>
                <br />
                <Text>{a.answer}</Text>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <ErrorMessage error={error} />
    </Panel>
  );
}
