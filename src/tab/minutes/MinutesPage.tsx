import { useEffect, useMemo, useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ApiError, type ApiClient } from '../api-client.js';
import { conversationDetailsSchema, type ConversationDetails } from '../../api/conversation.js';
import { minutesDetailsSchema, type MinutesContent, type MinutesDetails } from '../../api/minutes.js';
import { useI18n } from '../i18n.js';
import { warningFingerprint } from '../../domain/publication-guard/publication-guard.js';
import { checkPublication } from '../../domain/publication-guard/check-publication.js';
import { useLexicon } from '../lexicon.js';
import { useDraft } from '../drafts.js';
import { useUnsavedChanges } from '../unsaved.js';
import { copenhagenToday, formatDate, formatShortDate, formatTime } from '../format.js';
import { PublishConfirmation } from '../components/PublishConfirmation.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { ruleText } from '../components/GuardFindings.js';
import { ItemNotesPanel } from './ItemNotesPanel.js';
import { DecisionsPanel } from './DecisionsPanel.js';
import { AgreementsPanel } from './AgreementsPanel.js';
import { PublicNotePanel } from './PublicNotePanel.js';
import { MinutesLinksPanel } from './MinutesLinksPanel.js';
import { agreementProblems, tidyForSave } from './minutes-form.js';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalL, marginTop: tokens.spacingVerticalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  status: { color: tokens.colorNeutralForeground3 },
});

/**
 * The minutes in the common template: notes per item, decisions, agreements
 * and the public note, checked as the person types. What they type is kept as
 * a draft on the server; a save that meets a newer version keeps their text
 * and lets them choose. Before the meeting the page says when it opens; after
 * approval it is locked.
 */
export function MinutesPage({ api, id, navigate }: { api: ApiClient; id: string; navigate: (path: string) => void }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const [conversation, setConversation] = useState<ConversationDetails | null>(null);
  const [minutes, setMinutes] = useState<MinutesDetails | null>(null);
  const [content, setContent] = useState<MinutesContent | null>(null);
  const [baseVersion, setBaseVersion] = useState(0);
  const [newest, setNewest] = useState<MinutesDetails | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const [busy, setBusy] = useState<'saving' | 'approving' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirmingPublish, setConfirmingPublish] = useState(false);
  const [triedSave, setTriedSave] = useState(false);
  const lexicon = useLexicon();

  useEffect(() => {
    Promise.all([api.get(`/conversations/${id}`, conversationDetailsSchema), api.get(`/conversations/${id}/minutes`, minutesDetailsSchema)])
      .then(([c, m]) => {
        setConversation(c);
        setMinutes(m);
        setContent(m.content);
        setBaseVersion(m.version);
      })
      .catch(setError);
  }, [api, id]);

  const editable = minutes?.permissions.edit ?? false;
  const dirty = !!minutes && !!content && JSON.stringify(content) !== JSON.stringify(minutes.content);
  useUnsavedChanges(dirty && editable);
  const draft = useDraft<MinutesContent>({
    api,
    conversationId: id,
    kind: 'minutes',
    value: content ?? ({} as MinutesContent),
    dirty,
    baseVersion,
    enabled: editable,
    onFound: (found) => {
      if (!minutes || JSON.stringify(found.content) === JSON.stringify(minutes.content)) return;
      setContent(found.content);
      setBaseVersion(found.basedOnVersion);
      const when = `${formatShortDate(found.updatedAt, locale)} ${formatTime(found.updatedAt, locale)}`;
      if (found.basedOnVersion !== minutes.version) {
        setNewest(minutes);
        setRestored(t('unsaved.restoredConflict', { when }));
      } else setRestored(t('unsaved.restored', { when }));
    },
  });

  const people = useMemo(() => conversation?.participants.map((p) => ({ displayName: p.displayName })) ?? [], [conversation]);
  // Everything the public page shows, checked as the person types; the server checks the same again at approval.
  const findings = useMemo(
    () =>
      content ? checkPublication(content, { people, institutions: minutes?.guardInstitutions ?? [], ...(lexicon ? { lexicon } : {}) }) : [],
    [content?.publicNote, content?.agreements, people, minutes?.guardInstitutions, lexicon],
  );

  if (!minutes || !content || !conversation) {
    return <main>{error ? <ErrorMessage error={error} /> : <Spinner label={t('loading')} />}</main>;
  }
  const update = (change: Partial<MinutesContent>) => setContent({ ...content, ...change });
  const problems = agreementProblems(content, copenhagenToday(new Date(minutes.serverNow)));
  const incomplete = problems.some((p) => p.blocking);
  const unconfirmed = findings.filter((f) => f.severity === 'warning' && !content.confirmedWarnings.includes(warningFingerprint(f)));
  const blocking = findings.some((f) => f.severity === 'blocking');
  const canApprove =
    minutes.permissions.approve && !blocking && !incomplete && unconfirmed.length === 0 && content.publicNote.trim().length > 0;
  /** A field on the public page with a finding says so next to itself (the list below explains each). */
  const guardState = (field: string) => {
    const own = findings.filter((f) => f.field === field);
    if (own.length === 0) return {};
    const worst = own.some((f) => f.severity === 'blocking') ? ('error' as const) : ('warning' as const);
    return { validationState: worst, validationMessage: own.map((f) => t(ruleText(f), { text: f.text })).join(' ') };
  };

  const save = async (version: number): Promise<MinutesDetails> => {
    const tidy = tidyForSave(content);
    const saved = await api.send('PUT', `/conversations/${id}/minutes`, { version, content: tidy }, minutesDetailsSchema);
    setMinutes(saved);
    setContent(saved.content);
    setBaseVersion(saved.version);
    setNewest(null);
    setRestored(null);
    return saved;
  };
  const run = async (kind: 'saving' | 'approving', version = baseVersion) => {
    setTriedSave(true);
    setNotice(null);
    if (incomplete) return;
    setBusy(kind);
    setError(null);
    setNotice(null);
    try {
      const saved = await save(version);
      if (kind === 'approving') {
        const approved = await api.send('POST', `/conversations/${id}/minutes/approve`, { version: saved.version }, minutesDetailsSchema);
        setMinutes(approved);
        setContent(approved.content);
        setConfirmingPublish(false);
        setNotice(t('minutes.approved'));
      } else setNotice(t('minutes.saved'));
    } catch (e) {
      // Someone saved meanwhile: keep this person's text, show that a newer version exists, let them choose.
      if (e instanceof ApiError && e.body.code === 'VERSION_CONFLICT') {
        setNewest(await api.get(`/conversations/${id}/minutes`, minutesDetailsSchema));
      } else setError(e);
    } finally {
      setBusy(null);
    }
  };

  const opensAt = t('conversation.when', { date: formatDate(minutes.opensAt, locale), time: formatTime(minutes.opensAt, locale) });
  const beforeMeeting = minutes.beforeMeeting;
  return (
    <main>
      <Button appearance="subtle" onClick={() => navigate(`/conversations/${id}`)}>
        ← {t('conversation.title', { school: conversation.schoolName })}
      </Button>
      <Title2 as="h1" tabIndex={-1} id="page-title">
        {t('minutes.title', { school: conversation.schoolName })}
      </Title2>
      {beforeMeeting ? (
        <MessageBar intent="info" data-testid="minutes-not-open">
          <MessageBarBody>{t('minutes.notOpenYet', { when: opensAt })}</MessageBarBody>
        </MessageBar>
      ) : minutes.approved ? (
        <MessageBar intent="success" data-testid="minutes-locked">
          <MessageBarBody>{t('minutes.locked')}</MessageBarBody>
        </MessageBar>
      ) : (
        <Text as="p" block>
          {editable ? t('minutes.intro') : t('minutes.readOnly')}
        </Text>
      )}
      {restored ? (
        <MessageBar intent={newest ? 'warning' : 'info'} role="status">
          <MessageBarBody>{restored}</MessageBarBody>
        </MessageBar>
      ) : null}
      {newest && newest.version !== baseVersion ? (
        <MessageBar intent="warning" role="alert" layout="multiline" data-testid="minutes-conflict">
          <MessageBarBody>{t('minutes.conflict')}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => void run('saving', newest.version)} disabled={busy !== null}>
              {t('minutes.keepMine')}
            </Button>
            <Button
              onClick={() => {
                setMinutes(newest);
                setContent(newest.content);
                setBaseVersion(newest.version);
                setNewest(null);
                setRestored(null);
              }}
            >
              {t('minutes.useTheirs')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <div className={styles.stack}>
        <ItemNotesPanel minutes={minutes} content={content} editable={editable} onChange={(itemNotes) => update({ itemNotes })} />
        <DecisionsPanel decisions={content.decisions} editable={editable} onChange={(decisions) => update({ decisions })} />
        <AgreementsPanel
          agreements={content.agreements}
          editable={editable}
          problems={problems.filter((p) => !p.blocking || triedSave)}
          guardState={guardState}
          onChange={(agreements) => update({ agreements })}
        />
        <PublicNotePanel content={content} findings={findings} editable={editable} lexiconReady={!!lexicon} onChange={update} />
        <ErrorMessage error={error} />
        {triedSave && incomplete ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t('minutes.incompleteRows')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {notice && !newest ? (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        ) : null}
        {editable ? (
          <div className={styles.actions}>
            <Button onClick={() => void run('saving')} disabled={busy !== null}>
              {busy === 'saving' ? t('minutes.saving') : t('minutes.save')}
            </Button>
            {minutes.permissions.approve ? (
              <Button
                appearance="primary"
                onClick={() => setConfirmingPublish(true)}
                disabled={busy !== null || !canApprove || confirmingPublish}
              >
                {t('minutes.approve')}
              </Button>
            ) : null}
            {minutes.permissions.approve && !canApprove ? <Text>{t('minutes.cannotApprove')}</Text> : null}
            <Text size={200} className={styles.status} aria-live="polite">
              {draft.failed
                ? t('unsaved.draftFailed')
                : draft.savedAt && dirty
                  ? t('unsaved.draftSaved', { time: formatTime(draft.savedAt, locale) })
                  : ''}
            </Text>
          </div>
        ) : null}
        {confirmingPublish && canApprove ? (
          <PublishConfirmation
            content={content}
            busy={busy === 'approving'}
            onConfirm={() => void run('approving')}
            onCancel={() => setConfirmingPublish(false)}
          />
        ) : null}
        {minutes.approved ? (
          <MinutesLinksPanel
            api={api}
            conversationId={id}
            minutes={minutes}
            onChanged={(saved, message) => {
              setMinutes(saved);
              setNotice(message);
            }}
          />
        ) : null}
      </div>
    </main>
  );
}
