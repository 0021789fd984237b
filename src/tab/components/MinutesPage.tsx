import { useEffect, useMemo, useState } from 'react';
import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ApiError, type ApiClient } from '../api-client.js';
import type { ConversationDetails } from '../../api/conversation.js';
import type { MinutesContent, MinutesDetails } from '../../api/minutes.js';
import { useI18n } from '../i18n.js';
import { warningFingerprint } from '../../domain/publication-guard/publication-guard.js';
import { checkPublication } from '../../domain/publication-guard/check-publication.js';
import { useLexicon } from '../lexicon.js';
import { PublishConfirmation } from './PublishConfirmation.js';
import { ErrorMessage } from './ErrorMessage.js';
import { Panel } from './Panel.js';
import { GuardFindings, NotePreview, ruleText } from './GuardFindings.js';
import { conversationDetailsSchema } from '../../api/conversation.js';
import { minutesDetailsSchema } from '../../api/minutes.js';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalL, marginTop: tokens.spacingVerticalL },
  row: { display: 'grid', gridTemplateColumns: '2fr 1.2fr 1fr 1fr auto', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  draft: {
    marginTop: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
  },
});

const newId = () => crypto.randomUUID();

/** The minutes editor: notes per item, decisions, agreements, and the public note checked as the person types. */
export function MinutesPage({ api, id, navigate }: { api: ApiClient; id: string; navigate: (path: string) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [conversation, setConversation] = useState<ConversationDetails | null>(null);
  const [minutes, setMinutes] = useState<MinutesDetails | null>(null);
  const [content, setContent] = useState<MinutesContent | null>(null);
  const [busy, setBusy] = useState<'saving' | 'approving' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [website, setWebsite] = useState('');
  const [confirmingPublish, setConfirmingPublish] = useState(false);
  const lexicon = useLexicon();

  const load = async () => {
    const [c, m] = await Promise.all([
      api.get(`/conversations/${id}`, conversationDetailsSchema),
      api.get(`/conversations/${id}/minutes`, minutesDetailsSchema),
    ]);
    setConversation(c);
    setMinutes(m);
    setContent(m.content);
    setWebsite(m.links.website ?? '');
  };
  useEffect(() => {
    load().catch(setError);
  }, [api, id]);

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
  const editable = minutes.permissions.edit;
  const update = (change: Partial<MinutesContent>) => setContent({ ...content, ...change });
  const unconfirmed = findings.filter((f) => f.severity === 'warning' && !content.confirmedWarnings.includes(warningFingerprint(f)));
  const blocking = findings.some((f) => f.severity === 'blocking');
  const canApprove = minutes.permissions.approve && !blocking && unconfirmed.length === 0 && content.publicNote.trim().length > 0;
  const noteFindings = findings.filter((f) => f.field === 'note');
  /** A field on the public page with a finding says so next to itself (the list below explains each). */
  const fieldState = (field: string) => {
    const own = findings.filter((f) => f.field === field);
    if (own.length === 0) return {};
    const worst = own.some((f) => f.severity === 'blocking') ? 'error' : 'warning';
    return { validationState: worst, validationMessage: own.map((f) => t(ruleText(f), { text: f.text })).join(' ') } as const;
  };

  const save = async (): Promise<MinutesDetails> => {
    const saved = await api.send('PUT', `/conversations/${id}/minutes`, { version: minutes.version, content }, minutesDetailsSchema);
    setMinutes(saved);
    return saved;
  };
  const run = async (kind: 'saving' | 'approving') => {
    setBusy(kind);
    setError(null);
    setNotice(null);
    try {
      const saved = await save();
      if (kind === 'approving') {
        const approved = await api.send('POST', `/conversations/${id}/minutes/approve`, { version: saved.version }, minutesDetailsSchema);
        setMinutes(approved);
        setConfirmingPublish(false);
        setNotice(t('minutes.approved'));
      } else setNotice(t('minutes.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const saveWebsite = async () => {
    setError(null);
    setNotice(null);
    try {
      setMinutes(await api.send('PUT', `/conversations/${id}/minutes/website-url`, { url: website.trim() }, minutesDetailsSchema));
      setNotice(t('minutes.websiteSaved'));
    } catch (e) {
      setError(e);
    }
  };
  const prefill = () =>
    update({
      publicNote: [content.decisions.map((d) => d.text).join('\n'), ...minutes.agenda.map((i) => content.itemNotes[i.key] ?? '')]
        .filter((s) => s.trim())
        .join('\n\n'),
    });

  return (
    <main>
      <Button appearance="subtle" onClick={() => navigate(`/conversations/${id}`)}>
        ← {t('conversation.title', { school: conversation.schoolName })}
      </Button>
      <Title2 as="h1" tabIndex={-1} id="page-title">
        {t('minutes.title', { school: conversation.schoolName })}
      </Title2>
      <Text as="p" block>
        {editable ? t('minutes.intro') : t('minutes.readOnly')}
      </Text>
      <div className={styles.stack}>
        <Panel title={t('minutes.items')}>
          {minutes.agenda.map((item, index) => (
            <div key={item.key}>
              <Field label={`${index + 1}. ${item.title}`} hint={item.minutesPrompt || undefined}>
                <Textarea
                  value={content.itemNotes[item.key] ?? ''}
                  readOnly={!editable}
                  resize="vertical"
                  onChange={(_, d) => update({ itemNotes: { ...content.itemNotes, [item.key]: d.value } })}
                />
              </Field>
              {item.key === 'evaluation' && minutes.evaluationDraft ? (
                <div className={styles.draft} data-testid="evaluation-draft">
                  <Text weight="semibold">{t('minutes.evaluationDraft')}</Text>
                  <Text as="p" block style={{ whiteSpace: 'pre-wrap' }}>
                    {minutes.evaluationDraft}
                  </Text>
                  {editable ? (
                    <Button
                      size="small"
                      onClick={() =>
                        update({
                          itemNotes: {
                            ...content.itemNotes,
                            [item.key]: [content.itemNotes[item.key]?.trim(), minutes.evaluationDraft].filter(Boolean).join('\n\n'),
                          },
                        })
                      }
                    >
                      {t('minutes.useEvaluationDraft')}
                    </Button>
                  ) : null}
                </div>
              ) : null}
            </div>
          ))}
        </Panel>
        <Panel title={t('minutes.decisions')}>
          {content.decisions.map((d, index) => (
            <div key={d.id} className={styles.actions}>
              <Field label={t('minutes.decision', { number: index + 1 })} style={{ flex: 1 }}>
                <Input
                  value={d.text}
                  readOnly={!editable}
                  onChange={(_, v) => update({ decisions: content.decisions.map((x) => (x.id === d.id ? { ...x, text: v.value } : x)) })}
                />
              </Field>
              {editable ? (
                <Button onClick={() => update({ decisions: content.decisions.filter((x) => x.id !== d.id) })}>{t('minutes.remove')}</Button>
              ) : null}
            </div>
          ))}
          {editable ? (
            <Button onClick={() => update({ decisions: [...content.decisions, { id: newId(), text: '' }] })}>
              {t('minutes.addDecision')}
            </Button>
          ) : null}
        </Panel>
        <Panel title={t('minutes.agreements')}>
          {content.agreements.map((a) => {
            const set = (change: Partial<typeof a>) =>
              update({ agreements: content.agreements.map((x) => (x.id === a.id ? { ...x, ...change } : x)) });
            return (
              <div key={a.id} className={styles.row}>
                <Field label={t('minutes.what')} {...fieldState(`agreement:${a.id}:what`)}>
                  <Input value={a.what} readOnly={!editable} onChange={(_, v) => set({ what: v.value })} />
                </Field>
                <Field label={t('minutes.owner')} {...fieldState(`agreement:${a.id}:owner`)}>
                  <Input value={a.owner} readOnly={!editable} onChange={(_, v) => set({ owner: v.value })} />
                </Field>
                <Field label={t('minutes.due')}>
                  <Input type="date" value={a.dueDate ?? ''} readOnly={!editable} onChange={(_, v) => set({ dueDate: v.value || null })} />
                </Field>
                <Field label={t('minutes.followUp')}>
                  <Input
                    type="date"
                    value={a.followUpDate ?? ''}
                    readOnly={!editable}
                    onChange={(_, v) => set({ followUpDate: v.value || null })}
                  />
                </Field>
                {editable ? (
                  <Button onClick={() => update({ agreements: content.agreements.filter((x) => x.id !== a.id) })}>
                    {t('minutes.remove')}
                  </Button>
                ) : (
                  <span />
                )}
              </div>
            );
          })}
          {editable ? (
            <Button
              onClick={() =>
                update({ agreements: [...content.agreements, { id: newId(), what: '', owner: '', dueDate: null, followUpDate: null }] })
              }
            >
              {t('minutes.addAgreement')}
            </Button>
          ) : null}
        </Panel>
        <Panel title={t('minutes.publicNote')}>
          <Field label={t('minutes.publicNote')} hint={t('minutes.publicNoteHint')}>
            <Textarea
              value={content.publicNote}
              readOnly={!editable}
              rows={8}
              resize="vertical"
              onChange={(_, d) => update({ publicNote: d.value })}
            />
          </Field>
          {editable ? (
            <div>
              <Button onClick={prefill}>{t('minutes.prefill')}</Button>
            </div>
          ) : null}
          <Text as="h3" weight="semibold">
            {t('minutes.findings')}
          </Text>
          {!lexicon ? <Text size={200}>{t('minutes.checkingNames')}</Text> : null}
          {content.publicNote ? <NotePreview text={content.publicNote} findings={noteFindings} /> : null}
          <GuardFindings
            findings={findings}
            agreementIds={content.agreements.map((a) => a.id)}
            confirmed={content.confirmedWarnings}
            editable={editable}
            onConfirm={(fingerprint, value) =>
              update({
                confirmedWarnings: value
                  ? [...content.confirmedWarnings, fingerprint]
                  : content.confirmedWarnings.filter((f) => f !== fingerprint),
              })
            }
          />
        </Panel>
        <ErrorMessage error={error} />
        {error instanceof ApiError && error.body.code === 'VERSION_CONFLICT' ? (
          <Button onClick={() => load().catch(setError)}>{t('reload')}</Button>
        ) : null}
        {notice ? (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        ) : null}
        {editable ? (
          <div className={styles.actions}>
            <Button onClick={() => run('saving')} disabled={busy !== null}>
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
          </div>
        ) : null}
        {confirmingPublish && canApprove ? (
          <PublishConfirmation
            content={content}
            busy={busy === 'approving'}
            onConfirm={() => run('approving')}
            onCancel={() => setConfirmingPublish(false)}
          />
        ) : null}
        {minutes.approved ? (
          <Panel title={t('minutes.links')}>
            {minutes.links.internal ? (
              <Link href={minutes.links.internal} target="_blank">
                {t('minutes.internal')}
              </Link>
            ) : (
              <Spinner size="tiny" label={t('loading')} />
            )}
            {minutes.links.publicDocx ? (
              <Link href={minutes.links.publicDocx} target="_blank">
                {t('minutes.publicDocx')}
              </Link>
            ) : null}
            {minutes.links.publicNote ? (
              <Link href={minutes.links.publicNote} target="_blank" data-testid="public-link">
                {t('minutes.publicLink')}
              </Link>
            ) : null}
            {minutes.permissions.recordWebsite ? (
              <div className={styles.actions}>
                <Field label={t('minutes.website')} hint={t('minutes.websiteHint')} style={{ flex: 1 }}>
                  <Input type="url" value={website} onChange={(_, d) => setWebsite(d.value)} />
                </Field>
                <Button onClick={saveWebsite} disabled={!website.trim()}>
                  {t('minutes.websiteSave')}
                </Button>
              </div>
            ) : minutes.links.website ? (
              <Link href={minutes.links.website} target="_blank">
                {t('minutes.website')}
              </Link>
            ) : null}
          </Panel>
        ) : null}
      </div>
    </main>
  );
}
