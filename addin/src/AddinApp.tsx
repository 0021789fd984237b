import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Badge,
  Button,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { ApiError, createApiClient } from '../../src/tab/api-client.js';
import { I18nProvider, localeFrom, makeTranslate, useI18n, type Locale } from '../../src/tab/i18n.js';
import { authConfigSchema } from '../../src/api/auth-config.js';
import { conversationDetailsSchema, meetingConversationSchema, type ConversationDetails } from '../../src/api/conversation.js';
import { catalogSchema, meSchema, type Catalog, type Me } from '../../src/api/catalog.js';
import { entraSignIn } from '../../src/tab/auth/entra-sign-in.js';
import { SignInError, classifySignInError } from '../../src/tab/auth/sign-in-errors.js';
import { formatDate, formatTime } from '../../src/tab/format.js';
import { ErrorMessage } from '../../src/tab/components/ErrorMessage.js';
import { DeadlineText } from '../../src/tab/components/DeadlineText.js';
import { AgendaList, AnswersList } from './AgendaList.js';
import type { MeetingItemHost } from './office-host.js';
import { PreparationForm } from './PreparationForm.js';
import { LengthCheck } from './LengthCheck.js';
import { LinkMeetingForm } from './LinkMeetingForm.js';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    // One column that may shrink below its content's width: long option texts must not widen the narrow pane.
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalM,
    alignContent: 'start',
    overflowWrap: 'anywhere',
  },
  section: { display: 'grid', gap: tokens.spacingVerticalS },
  links: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

type Phase =
  | { kind: 'loading' }
  | { kind: 'unsaved' }
  | { kind: 'notOurs'; link: { eventId: string; catalog: Catalog } | null }
  | { kind: 'signIn'; problem: SignInError; adminConsentUrl: string | null }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; conversation: ConversationDetails; me: Me };

/**
 * The pane inside the meeting: for an invitee the agenda, their own
 * preparation, the documents, the deadline and their answer; for the
 * organiser the conversation's status, everyone's answers and whether the
 * meeting's length still matches the agenda. Everything through the same API
 * as the tab; the meeting is found by its id in this mailbox.
 */
export function AddinApp({ host }: { host: MeetingItemHost }) {
  const styles = useStyles();
  const [locale] = useState<Locale>(localeFrom(host.displayLanguage));
  const t = makeTranslate(locale);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [getToken, setGetToken] = useState<(() => Promise<string>) | null>(null);
  const [attempt, setAttempt] = useState(0);
  const api = useMemo(
    () =>
      createApiClient(
        async () => (getToken ? getToken() : null),
        () => locale,
      ),
    [getToken, locale],
  );

  // Sign-in: Office's SSO locally (the sandbox's stand-in) and where nested app authentication is missing; NAA otherwise.
  useEffect(() => {
    let adminConsentUrl: string | null = null;
    fetch('/api/auth-config')
      .then((r) => r.json())
      .then(async (json) => {
        const parsed = authConfigSchema['~standard'].validate(json);
        if (parsed instanceof Promise || parsed.issues) throw new Error('auth-config');
        const config = parsed.value;
        if (config.mode === 'local' || !host.naaSupported)
          return setGetToken(() => () => host.ssoToken().catch((e) => Promise.reject(classifySignInError(e))));
        adminConsentUrl = config.adminConsentUrl;
        const tokens = await entraSignIn(config, { inTeams: true, naaRecommended: true, teamsSsoToken: host.ssoToken } as never);
        setGetToken(() => () => tokens.getToken());
      })
      .catch((e) => setPhase(e instanceof SignInError ? { kind: 'signIn', problem: e, adminConsentUrl } : { kind: 'failed', error: e }));
  }, [host]);

  const [justLinked, setJustLinked] = useState(false);
  const load = useCallback(async () => {
    setPhase({ kind: 'loading' });
    let eventId: string | null = null;
    try {
      eventId = await host.eventId();
      if (!eventId) return setPhase({ kind: 'unsaved' });
      const { id } = await api.get(`/addin/meeting?eventId=${encodeURIComponent(eventId)}`, meetingConversationSchema);
      const [conversation, me] = await Promise.all([api.get(`/conversations/${id}`, conversationDetailsSchema), api.get('/me', meSchema)]);
      setPhase({ kind: 'ready', conversation, me });
    } catch (e) {
      if (e instanceof ApiError && e.body.code === 'MEETING_NOT_OURS') {
        // The municipal lead's own meeting, made by hand, can become a conversation; anyone else is told politely.
        const me = host.mode === 'compose' ? await api.get('/me', meSchema).catch(() => null) : null;
        const catalog = me?.isMunicipalLead ? await api.get('/catalog', catalogSchema).catch(() => null) : null;
        setPhase({ kind: 'notOurs', link: eventId && catalog ? { eventId, catalog } : null });
      } else if (e instanceof SignInError) setPhase({ kind: 'signIn', problem: e, adminConsentUrl: null });
      else setPhase({ kind: 'failed', error: e });
    }
  }, [api, host]);
  useEffect(() => {
    if (getToken) void load();
  }, [getToken, load, attempt]);

  return (
    <FluentProvider theme={host.dark ? webDarkTheme : webLightTheme} lang={locale}>
      <I18nProvider locale={locale} setLocale={() => undefined}>
        <main className={styles.root} data-addin-phase={phase.kind}>
          {phase.kind === 'loading' ? <Spinner label={t('loading')} /> : null}
          {phase.kind === 'unsaved' ? <Text>{t('addin.unsaved')}</Text> : null}
          {phase.kind === 'notOurs' && !phase.link ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t('addin.notOurs')}</MessageBarBody>
            </MessageBar>
          ) : null}
          {phase.kind === 'notOurs' && phase.link ? (
            <LinkMeetingForm
              host={host}
              api={api}
              catalog={phase.link.catalog}
              eventId={phase.link.eventId}
              onLinked={() => {
                setJustLinked(true);
                setAttempt((n) => n + 1);
              }}
            />
          ) : null}
          {phase.kind === 'ready' && justLinked ? (
            <MessageBar intent="success" layout="multiline" data-testid="linked">
              <MessageBarBody>{t('addin.link.done')}</MessageBarBody>
            </MessageBar>
          ) : null}
          {phase.kind === 'signIn' ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {t(`signIn.problem.${phase.problem.problem}.text`)}
                {phase.adminConsentUrl && phase.problem.problem === 'consent' ? (
                  <>
                    {' '}
                    <Link href={phase.adminConsentUrl} target="_blank">
                      {t('signIn.problem.consent.link')}
                    </Link>
                  </>
                ) : null}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {phase.kind === 'failed' ? (
            <>
              <ErrorMessage error={phase.error} />
              <MessageBar intent="info" layout="multiline">
                <MessageBarActions>
                  <Button onClick={() => setAttempt((n) => n + 1)}>{t('retry')}</Button>
                </MessageBarActions>
                <MessageBarBody>{t('addin.retryHint')}</MessageBarBody>
              </MessageBar>
            </>
          ) : null}
          {phase.kind === 'ready' ? <MeetingPane host={host} api={api} conversation={phase.conversation} me={phase.me} /> : null}
        </main>
      </I18nProvider>
    </FluentProvider>
  );
}

function MeetingPane({
  host,
  api,
  conversation: c,
  me,
}: {
  host: MeetingItemHost;
  api: ReturnType<typeof createApiClient>;
  conversation: ConversationDetails;
  me: Me;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const mine = c.participants.find((p) => p.upn.toLowerCase() === me.upn.toLowerCase());
  return (
    <>
      <header className={styles.section}>
        <Text as="h1" size={500} weight="semibold" style={{ margin: 0 }} id="page-title">
          {t('conversation.title', { school: c.schoolName })}
        </Text>
        <Text>
          {t('conversation.when', {
            date: formatDate(c.startsAt, locale),
            time: `${formatTime(c.startsAt, locale)}–${formatTime(c.endsAt, locale)}`,
          })}{' '}
          <Badge appearance="tint">{t(`status.${c.status}`)}</Badge>
        </Text>
        {mine ? (
          <Text data-testid="own-role">
            {t('addin.yourRole', { role: t(`roles.${mine.role}`) })}
            {host.mode === 'read' ? ` · ${t('addin.yourAnswer', { answer: t(`conversation.response.${mine.response}`) })}` : ''}
          </Text>
        ) : null}
      </header>
      {host.mode === 'compose' ? <LengthCheck host={host} conversation={c} /> : null}
      <section className={styles.section} aria-label={t('conversation.deadlineTitle')}>
        <Text as="h2" weight="semibold" style={{ margin: 0 }}>
          {t('conversation.deadlineTitle')}
        </Text>
        <DeadlineText deadline={c.deadline} />
      </section>
      {host.mode === 'compose' ? <AnswersList conversation={c} /> : null}
      {host.mode === 'read' && mine ? (
        <section className={styles.section} aria-label={t('addin.preparation')}>
          <Text as="h2" weight="semibold" style={{ margin: 0 }}>
            {t('addin.preparation')}
          </Text>
          <PreparationForm api={api} conversationId={c.id} storageKey={`udviklingssamtale.preparation.${c.id}.${me.upn}`} />
        </section>
      ) : null}
      <section className={styles.links} aria-label={t('addin.documents')}>
        <Text as="h2" weight="semibold" style={{ margin: 0 }}>
          {t('addin.documents')}
        </Text>
        {c.links.agenda ? (
          <Link href={c.links.agenda} target="_blank">
            {t('conversation.openAgenda')}
          </Link>
        ) : null}
        {c.documents.map((d) =>
          d.webUrl ? (
            <Link key={d.id} href={d.webUrl} target="_blank">
              {d.fileName}
            </Link>
          ) : (
            <Text key={d.id}>{d.fileName}</Text>
          ),
        )}
        {!c.links.agenda && c.documents.length === 0 ? <Text>{t('addin.noDocuments')}</Text> : null}
      </section>
      <AgendaList conversation={c} />
    </>
  );
}
