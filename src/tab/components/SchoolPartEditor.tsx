import { useState } from 'react';
import { Button, Field, Input, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ApiError, type ApiClient } from '../api-client.js';
import type { ConversationDetails } from '../../api/conversation.js';
import { useI18n } from '../i18n.js';
import { Panel } from './Panel.js';
import { ErrorMessage } from './ErrorMessage.js';
import { ParticipantsEditor, type Invitee } from './ParticipantsEditor.js';
import { DocumentsPanel } from './DocumentsPanel.js';
import { conversationDetailsSchema } from '../../api/conversation.js';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  readonly: { whiteSpace: 'pre-wrap' },
});

const invitees = (c: ConversationDetails): Invitee[] =>
  c.participants
    .filter((p) => p.role !== 'municipalLead' && p.role !== 'schoolLeader')
    .map((p) => ({ upn: p.upn, displayName: p.displayName, role: p.role as Invitee['role'] }));

/**
 * The school leader's right of initiative: development areas, learning focus,
 * invitees and the data package, then "Send dagsorden". Others see it read-only.
 */
export function SchoolPartEditor({
  api,
  conversation,
  onChanged,
  onReload,
  onRefresh,
}: {
  api: ApiClient;
  conversation: ConversationDetails;
  /** A saved change, with the confirmation to show (the editor is remounted with the new data). */
  onChanged: (c: ConversationDetails, notice: string) => void;
  onReload: () => void;
  /** Refreshes the conversation without resetting what the person is typing. */
  onRefresh: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [developmentAreas, setDevelopmentAreas] = useState(conversation.developmentAreas);
  const [learningFocus, setLearningFocus] = useState(conversation.learningFocus);
  const [people, setPeople] = useState<Invitee[]>(invitees(conversation));
  const [busy, setBusy] = useState<'saving' | 'sending' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const editable = conversation.permissions.editSchoolPart;

  // Saves carry the version this form was filled in from: if someone saved since, the server
  // answers with a conflict instead of silently overwriting their text.
  const [baseVersion] = useState(conversation.version);

  const dirty =
    developmentAreas !== conversation.developmentAreas ||
    learningFocus !== conversation.learningFocus ||
    JSON.stringify(people.map(({ upn, role }) => ({ upn, role }))) !==
      JSON.stringify(invitees(conversation).map(({ upn, role }) => ({ upn, role })));

  const save = async (): Promise<ConversationDetails> =>
    api.send(
      'PUT',
      `/conversations/${conversation.id}/school-part`,
      {
        version: baseVersion,
        developmentAreas,
        learningFocus,
        participants: people.map(({ upn, role }) => ({ upn, role })),
      },
      conversationDetailsSchema,
    );

  const run = async (kind: 'saving' | 'sending') => {
    setBusy(kind);
    setError(null);
    try {
      let current = dirty ? await save() : { ...conversation, version: baseVersion };
      if (kind === 'sending') {
        current = await api.send(
          'POST',
          `/conversations/${conversation.id}/send-agenda`,
          {
            version: current.version,
          },
          conversationDetailsSchema,
        );
      }
      onChanged(current, kind === 'sending' ? t('schoolPart.sent') : t('saved'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  if (!editable) {
    return (
      <Panel title={t('schoolPart.title')}>
        <Text as="p" block>
          {t('schoolPart.readOnlyIntro')}
        </Text>
        <Text as="h3" weight="semibold">
          {t('schoolPart.developmentAreas')}
        </Text>
        <Text as="p" block className={styles.readonly}>
          {conversation.developmentAreas || t('schoolPart.notDescribed')}
        </Text>
        <Text as="h3" weight="semibold">
          {t('schoolPart.learningFocus')}
        </Text>
        <Text as="p" block>
          {conversation.learningFocus || t('schoolPart.notDescribed')}
        </Text>
        <DocumentsPanel api={api} conversation={conversation} canUpload={false} onUploaded={() => {}} />
      </Panel>
    );
  }

  return (
    <Panel title={t('schoolPart.title')}>
      <Text as="p" block>
        {t('schoolPart.intro')}
      </Text>
      <div className={styles.form}>
        <Field label={t('schoolPart.developmentAreas')} hint={t('schoolPart.developmentAreasHint')}>
          <Textarea
            value={developmentAreas}
            maxLength={4000}
            resize="vertical"
            rows={5}
            onChange={(_, d) => setDevelopmentAreas(d.value)}
          />
        </Field>
        <Field label={t('schoolPart.learningFocus')} hint={t('schoolPart.learningFocusHint')}>
          <Input value={learningFocus} maxLength={500} onChange={(_, d) => setLearningFocus(d.value)} />
        </Field>
        <Text as="h3" weight="semibold">
          {t('schoolPart.participants')}
        </Text>
        <ParticipantsEditor
          api={api}
          value={people}
          onChange={setPeople}
          fixed={[conversation.organizerUpn.toLowerCase(), conversation.schoolLeaderUpn.toLowerCase()]}
        />
        <DocumentsPanel api={api} conversation={conversation} canUpload onUploaded={onRefresh} />
        <ErrorMessage error={error} />
        {error instanceof ApiError && error.body.code === 'VERSION_CONFLICT' ? <Button onClick={onReload}>{t('reload')}</Button> : null}
        <div className={styles.actions}>
          <Button onClick={() => run('saving')} disabled={busy !== null || !dirty}>
            {busy === 'saving' ? t('saving') : t('save')}
          </Button>
          <Button appearance="primary" onClick={() => run('sending')} disabled={busy !== null || !conversation.permissions.sendAgenda}>
            {busy === 'sending'
              ? t('schoolPart.sending')
              : conversation.deadline.sentAt
                ? t('schoolPart.sendAgain')
                : t('schoolPart.sendAgenda')}
          </Button>
        </div>
      </div>
    </Panel>
  );
}
