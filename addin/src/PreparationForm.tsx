import { useEffect, useState } from 'react';
import { Button, Field, MessageBar, MessageBarBody, Spinner, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../../src/tab/api-client.js';
import { ownPreparationSchema, type OwnPreparation } from '../../src/api/chat-results.js';
import { useI18n } from '../../src/tab/i18n.js';
import { ErrorMessage } from '../../src/tab/components/ErrorMessage.js';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM },
  notice: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/**
 * The person's own preparation questions (for their role), answered here:
 * the same answers the chat card collects and the tab shows. What is typed is
 * kept in the pane's storage until it is saved, so closing the pane or a
 * failed save loses nothing.
 */
export function PreparationForm({ api, conversationId, storageKey }: { api: ApiClient; conversationId: string; storageKey: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [preparation, setPreparation] = useState<OwnPreparation | null>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const path = `/conversations/${conversationId}/preparation/mine`;

  useEffect(() => {
    api.get(path, ownPreparationSchema).then((found) => {
      setPreparation(found);
      const kept = localStorage.getItem(storageKey);
      setAnswers(kept ? { ...found.answers, ...(JSON.parse(kept) as Record<string, string>) } : found.answers);
    }, setError);
  }, [api, path, storageKey]);

  if (!preparation) return error ? <ErrorMessage error={error} /> : <Spinner size="tiny" label={t('loading')} />;
  if (preparation.questions.length === 0) return <Text>{t('addin.noQuestions')}</Text>;

  const change = (id: string, value: string) => {
    const next = { ...answers, [id]: value };
    setAnswers(next);
    setSaved(false);
    localStorage.setItem(storageKey, JSON.stringify(next));
  };
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.send('PUT', path, { answers }, ownPreparationSchema);
      setPreparation(result);
      localStorage.removeItem(storageKey);
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {preparation.questions.map((q) => (
        <Field key={q.id} label={`${q.itemTitle}: ${q.text}`} hint={q.aboutTests ? t('addin.noTestResults') : undefined}>
          <Textarea value={answers[q.id] ?? ''} readOnly={!preparation.open} resize="vertical" onChange={(_, d) => change(q.id, d.value)} />
        </Field>
      ))}
      {preparation.open ? (
        <div>
          <Button appearance="primary" type="submit" disabled={busy}>
            {busy ? t('saving') : t('addin.saveAnswers')}
          </Button>
        </div>
      ) : (
        <Text className={styles.notice}>{t('addin.closed')}</Text>
      )}
      {saved ? (
        <MessageBar intent="success" role="status" layout="multiline">
          <MessageBarBody>{t('addin.answersSaved')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <ErrorMessage error={error} />
    </form>
  );
}
