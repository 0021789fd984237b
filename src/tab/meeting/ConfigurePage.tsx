import { useEffect, useState } from 'react';
import { Field, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import { useI18n } from '../i18n.js';
import { formatDate } from '../format.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { conversationListSchema, meetingConversationSchema, type ConversationSummary } from '../../api/conversation.js';
import type { TabConfiguration } from '../teams-host.js';

const useStyles = makeStyles({ root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM } });

/**
 * Teams' configuration page, when someone adds the app to a meeting by hand:
 * they choose the conversation (the one linked to this meeting is chosen
 * already), and the tab saved is that conversation's live agenda.
 */
export function ConfigurePage({
  api,
  configuration,
  meetingChatId,
}: {
  api: ApiClient;
  configuration: TabConfiguration;
  meetingChatId: string | null;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const [conversations, setConversations] = useState<ConversationSummary[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.get('/conversations', conversationListSchema).then(({ conversations: all }) => {
      const upcoming = all.filter((c) => c.status !== 'cancelled' && Date.parse(c.endsAt) > Date.now() - 24 * 3600_000);
      setConversations(upcoming);
      if (meetingChatId)
        api
          .get(`/conversations/by-meeting?chatId=${encodeURIComponent(meetingChatId)}`, meetingConversationSchema)
          .then(({ id }) => setChosen(id))
          .catch(() => undefined);
    }, setError);
  }, [api, meetingChatId]);

  useEffect(() => {
    configuration.setValid(Boolean(chosen));
    configuration.onSave(() => ({
      entityId: chosen,
      contentUrl: `${location.origin}/#/meeting/${chosen}`,
      websiteUrl: `${location.origin}/#/conversations/${chosen}`,
      suggestedDisplayName: t('appName'),
    }));
  }, [chosen, configuration, t]);

  if (error) return <ErrorMessage error={error} />;
  if (!conversations) return <Spinner label={t('loading')} />;
  return (
    <div className={styles.root}>
      <Text as="h1" id="page-title" tabIndex={-1} size={500} weight="semibold" style={{ margin: 0 }}>
        {t('meeting.configure.title')}
      </Text>
      <Text>{t('meeting.configure.intro')}</Text>
      {conversations.length === 0 ? (
        <Text>{t('meeting.configure.empty')}</Text>
      ) : (
        <Field label={t('meeting.configure.choose')} hint={chosen ? t('meeting.configure.ready') : undefined}>
          <Select value={chosen} onChange={(_e, d) => setChosen(d.value)}>
            <option value="">–</option>
            {conversations.map((c) => (
              <option key={c.id} value={c.id}>
                {`${c.schoolName}, ${formatDate(c.startsAt, locale)}`}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
}
