import { useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ApiError, type ApiClient } from '../api-client.js';
import type { ConversationDetails } from '../../api/conversation.js';
import { useI18n } from '../i18n.js';
import { Panel } from './Panel.js';
import { ErrorMessage } from './ErrorMessage.js';
import { ParticipantsEditor, type Invitee } from './ParticipantsEditor.js';
import { DocumentsPanel } from './DocumentsPanel.js';
import { conversationDetailsSchema } from '../../api/conversation.js';
import { draftSchema } from '../../api/drafts.js';
import { useDraft } from '../drafts.js';
import { useUnsavedChanges } from '../unsaved.js';
import { formatShortDate, formatTime } from '../format.js';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  readonly: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  newest: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  status: { color: tokens.colorNeutralForeground3 },
});

interface SchoolPartForm {
  developmentAreas: string;
  learningFocus: string;
  participants: Invitee[];
}

const formOf = (c: ConversationDetails): SchoolPartForm => ({
  developmentAreas: c.developmentAreas,
  learningFocus: c.learningFocus,
  participants: c.participants
    .filter((p) => p.role !== 'municipalLead' && p.role !== 'schoolLeader')
    .map((p) => ({ upn: p.upn, displayName: p.displayName, role: p.role as Invitee['role'], external: p.external, invited: p.invited })),
});
const comparable = (f: SchoolPartForm) =>
  JSON.stringify([f.developmentAreas, f.learningFocus, f.participants.map(({ upn, role, displayName }) => [upn, role, displayName])]);

/**
 * The school leader's right of initiative: development areas, learning focus,
 * invitees and the data package, then "Send dagsorden". What they type is kept
 * as a draft while they type and comes back after a reload; a save that meets
 * someone else's newer version keeps their text beside the newest one. Others
 * see the part read-only.
 */
export function SchoolPartEditor({
  api,
  conversation,
  onChanged,
  onError,
  onRefresh,
}: {
  api: ApiClient;
  conversation: ConversationDetails;
  /** A saved change, with the confirmation to show (the editor is remounted with the new data). */
  onChanged: (c: ConversationDetails, notice: string) => void;
  /** Something went wrong here: a success notice elsewhere on the page must not stand beside it. */
  onError: () => void;
  /** Refreshes the conversation without resetting what the person is typing. */
  onRefresh: () => void;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const editable = conversation.permissions.editSchoolPart;
  const [form, setForm] = useState<SchoolPartForm>(() => formOf(conversation));
  // Saves carry the version this form is based on: a save based on an older one gets a conflict, never overwrites.
  const [baseVersion, setBaseVersion] = useState(conversation.version);
  const [saved, setSaved] = useState<SchoolPartForm>(() => formOf(conversation));
  const [newest, setNewest] = useState<ConversationDetails | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const [busy, setBusy] = useState<'saving' | 'sending' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const dirty = comparable(form) !== comparable(saved);
  useUnsavedChanges(editable && dirty);

  const draft = useDraft<SchoolPartForm>({
    api,
    conversationId: conversation.id,
    kind: 'schoolPart',
    value: form,
    dirty,
    baseVersion,
    enabled: editable,
    onFound: (found) => {
      if (comparable(found.content) === comparable(formOf(conversation))) return;
      setForm(found.content);
      setBaseVersion(found.basedOnVersion);
      const when = `${formatShortDate(found.updatedAt, locale)} ${formatTime(found.updatedAt, locale)}`;
      if (found.basedOnVersion !== conversation.version) {
        setNewest(conversation);
        setRestored(t('unsaved.restoredConflict', { when }));
      } else setRestored(t('unsaved.restored', { when }));
    },
  });

  const fail = (e: unknown) => {
    setError(e);
    onError();
  };

  const save = (version: number): Promise<ConversationDetails> =>
    api.send(
      'PUT',
      `/conversations/${conversation.id}/school-part`,
      {
        version,
        developmentAreas: form.developmentAreas,
        learningFocus: form.learningFocus,
        participants: form.participants.map(({ upn, role, external, displayName }) => ({
          upn,
          role,
          ...(external ? { external: true, displayName } : {}),
        })),
      },
      conversationDetailsSchema,
    );

  const run = async (kind: 'saving' | 'sending', version = baseVersion) => {
    setBusy(kind);
    setError(null);
    try {
      let current = dirty || version !== baseVersion ? await save(version) : { ...conversation, version };
      if (kind === 'sending') {
        current = await api.send(
          'POST',
          `/conversations/${conversation.id}/send-agenda`,
          { version: current.version },
          conversationDetailsSchema,
        );
      }
      setSaved(formOf(current));
      onChanged(current, kind === 'sending' ? t('schoolPart.sent') : t('saved'));
    } catch (e) {
      if (e instanceof ApiError && e.body.code === 'VERSION_CONFLICT') {
        // Someone saved meanwhile: the person's text stays in the fields, the newest version shows beside it.
        setNewest(await api.get(`/conversations/${conversation.id}`, conversationDetailsSchema).catch(() => null));
        setRestored(null);
        onError();
      } else fail(e);
    } finally {
      setBusy(null);
    }
  };

  const useTheirs = async () => {
    if (!newest) return;
    await api.remove(`/conversations/${conversation.id}/drafts/schoolPart`, draftSchema).catch(() => undefined);
    setForm(formOf(newest));
    setSaved(formOf(newest));
    setBaseVersion(newest.version);
    setNewest(null);
    setRestored(null);
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
        <Text as="p" block className={styles.readonly}>
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
        {restored && !newest ? (
          <MessageBar intent="info" role="status">
            <MessageBarBody>{restored}</MessageBarBody>
          </MessageBar>
        ) : null}
        {newest ? (
          <MessageBar intent="warning" role="alert" data-testid="save-conflict">
            <MessageBarBody>{restored ?? t('unsaved.conflict')}</MessageBarBody>
            <MessageBarActions>
              <Button appearance="primary" onClick={() => void run('saving', newest.version)} disabled={busy !== null}>
                {t('unsaved.keepMine')}
              </Button>
              <Button onClick={() => void useTheirs()} disabled={busy !== null}>
                {t('unsaved.useTheirs')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        <Field label={t('schoolPart.developmentAreas')} hint={t('schoolPart.developmentAreasHint')}>
          <Textarea
            value={form.developmentAreas}
            maxLength={4000}
            resize="vertical"
            rows={5}
            onChange={(_, d) => setForm({ ...form, developmentAreas: d.value })}
          />
        </Field>
        <Field label={t('schoolPart.learningFocus')} hint={t('schoolPart.learningFocusHint')}>
          <Input value={form.learningFocus} maxLength={500} onChange={(_, d) => setForm({ ...form, learningFocus: d.value })} />
        </Field>
        {newest ? (
          <section className={styles.newest} aria-label={t('unsaved.newest')} data-testid="newest-version">
            <Text weight="semibold">{t('unsaved.newest')}</Text>
            <Text size={200}>{t('schoolPart.developmentAreas')}</Text>
            <Text className={styles.readonly}>{newest.developmentAreas || '–'}</Text>
            <Text size={200}>{t('schoolPart.learningFocus')}</Text>
            <Text className={styles.readonly}>{newest.learningFocus || '–'}</Text>
          </section>
        ) : null}
        <Text as="h3" weight="semibold">
          {t('schoolPart.participants')}
        </Text>
        <ParticipantsEditor
          api={api}
          value={form.participants}
          onChange={(participants) => setForm({ ...form, participants })}
          fixed={[conversation.organizerUpn.toLowerCase(), conversation.schoolLeaderUpn.toLowerCase()]}
        />
        <DocumentsPanel api={api} conversation={conversation} canUpload onUploaded={onRefresh} />
        <ErrorMessage error={error} />
        <div className={styles.actions}>
          <Button onClick={() => void run('saving')} disabled={busy !== null || !dirty || newest !== null}>
            {busy === 'saving' ? t('saving') : t('save')}
          </Button>
          <Button
            appearance="primary"
            onClick={() => void run('sending')}
            disabled={busy !== null || !conversation.permissions.sendAgenda || newest !== null}
          >
            {busy === 'sending'
              ? t('schoolPart.sending')
              : conversation.deadline.sentAt
                ? t('schoolPart.sendAgain')
                : t('schoolPart.sendAgenda')}
          </Button>
          {dirty && draft.savedAt ? (
            <Text size={200} className={styles.status} aria-live="polite">
              {t('unsaved.draftSaved', { time: formatTime(draft.savedAt, locale) })}
            </Text>
          ) : null}
          {draft.failed ? (
            <Text size={200} className={styles.status}>
              {t('unsaved.draftFailed')}
            </Text>
          ) : null}
        </div>
      </div>
    </Panel>
  );
}
