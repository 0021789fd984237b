import { useCallback, useEffect, useRef, useState } from 'react';
import { Badge, MessageBar, MessageBarBody, Button, Link, Spinner, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import type { ConversationDetails } from '../../api/conversation.js';
import { useI18n } from '../i18n.js';
import { Panel } from './Panel.js';
import { formatDate, formatTime } from '../format.js';
import { ErrorMessage } from './ErrorMessage.js';
import { SideEffectsPanel } from './SideEffectsPanel.js';
import { SchoolPartEditor } from './SchoolPartEditor.js';
import { DeadlineText } from './DeadlineText.js';
import { CancelConversation } from './CancelConversation.js';
import { RequirementsPanel } from './RequirementsPanel.js';
import { FollowUpPanel } from './FollowUpPanel.js';
import { SchoolPlanPanel } from './SchoolPlanPanel.js';
import { ReflectionRoundsPanel } from './ReflectionRoundsPanel.js';
import { EvaluationPanel } from './EvaluationPanel.js';
import { PreparationPanel } from './PreparationPanel.js';
import { conversationDetailsSchema } from '../../api/conversation.js';
import type { Me } from '../../api/catalog.js';
import { NextStepPanel } from '../conversation/NextStepPanel.js';
import { AgendaTable } from '../conversation/AgendaTable.js';
import { ParticipantsTable } from '../conversation/ParticipantsTable.js';
import { CancelledNotice } from '../conversation/CancelledNotice.js';
import { nextStep, type Section } from '../conversation/next-step.js';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))',
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalL,
  },
  wide: { gridColumn: '1 / -1' },
  top: { marginTop: tokens.spacingVerticalL },
  links: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** Polls quickly while Microsoft 365 work is under way, slowly otherwise (to pick up invitees' answers). */
const pollDelay = (c: ConversationDetails | null) => (c?.sideEffects.some((s) => s.status !== 'done') ? 1000 : 10_000);

export function ConversationPage({ api, id, me, navigate }: { api: ApiClient; id: string; me: Me; navigate: (path: string) => void }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const [conversation, setConversation] = useState<ConversationDetails | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [retrying, setRetrying] = useState(false);
  const [editorKey, setEditorKey] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      const c = await api.get(`/conversations/${id}`, conversationDetailsSchema);
      setConversation(c);
      setError(null);
      return c;
    } catch (e) {
      setError(e);
      return null;
    }
  }, [api, id]);

  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      const c = await load();
      if (!stopped) timer.current = setTimeout(tick, pollDelay(c));
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer.current);
    };
  }, [load]);

  const retry = async () => {
    setRetrying(true);
    try {
      setConversation(await api.send('POST', `/conversations/${id}/retry`, undefined, conversationDetailsSchema));
    } catch (e) {
      setError(e);
    } finally {
      setRetrying(false);
    }
  };

  if (!conversation) {
    return (
      <main>
        <Button appearance="subtle" onClick={() => navigate('/')}>
          ← {t('back')}
        </Button>
        {error ? <ErrorMessage error={error} /> : <Spinner label={t('loading')} />}
      </main>
    );
  }
  const c = conversation;
  const cancelled = c.status === 'cancelled';
  const next = nextStep(c, new Date(c.serverNow));
  // The page opens on this person's next step: that section comes first in the grid.
  const first = (section: Section) => (next?.section === section ? { order: -1 } : undefined);
  const go = (section: Section) => {
    if (section === 'minutes') return navigate(`/conversations/${c.id}/minutes`);
    const target = document.getElementById(`section-${section}`);
    target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    target?.focus({ preventScroll: true });
  };
  return (
    <main>
      <Button appearance="subtle" onClick={() => navigate('/')}>
        ← {t('back')}
      </Button>
      <Title2 as="h1" tabIndex={-1} id="page-title">
        {t('conversation.title', { school: c.schoolName })}
      </Title2>
      <Text as="p" block className={styles.meta}>
        {t('conversation.when', {
          date: formatDate(c.startsAt, locale),
          time: `${formatTime(c.startsAt, locale)}–${formatTime(c.endsAt, locale)}`,
        })}{' '}
        <Badge appearance="tint" data-testid="status">
          {t(`status.${c.status}`)}
        </Badge>
      </Text>
      <Text as="p" block className={styles.meta}>
        {t('conversation.template')}: {c.templateName} · {t('conversation.theme')}: {c.theme || '–'}
        {c.extraTopics.length ? ` · ${t('conversation.extraTopics')}: ${c.extraTopics.join(', ')}` : ''}
      </Text>
      <div className={styles.links}>
        {c.links.event && !cancelled ? (
          <Link href={c.links.event} target="_blank">
            {t('conversation.openEvent')}
          </Link>
        ) : null}
        {c.links.join && !cancelled ? (
          <Link href={c.links.join} target="_blank">
            {t('conversation.joinTeams')}
          </Link>
        ) : null}
        {c.links.folder ? (
          <Link href={c.links.folder} target="_blank">
            {t('conversation.openFolder')}
          </Link>
        ) : null}
        {c.permissions.minutes ? <Link href={`#/conversations/${c.id}/minutes`}>{t('minutes.open')}</Link> : null}
        {c.links.agenda ? (
          <Link href={c.links.agenda} target="_blank">
            {t('conversation.openAgenda')}
          </Link>
        ) : null}
      </div>
      <ErrorMessage error={error} />
      {cancelled ? (
        <CancelledNotice
          conversation={c}
          onPlanNew={
            c.permissions.changePlan || me.isMunicipalLead ? () => navigate(`/plan?school=${encodeURIComponent(c.schoolId)}`) : null
          }
        />
      ) : (
        <>
          <div className={styles.links}>
            {c.permissions.changePlan || c.permissions.editItems ? (
              <Button onClick={() => navigate(`/conversations/${c.id}/edit`)}>
                {c.permissions.changePlan ? t('conversation.changePlan') : t('conversation.editItems')}
              </Button>
            ) : null}
            <CancelConversation api={api} conversation={c} onCancelled={setConversation} />
          </div>
          <div className={styles.top}>
            <NextStepPanel conversation={c} now={new Date(c.serverNow)} onGo={go} />
          </div>
        </>
      )}
      <div className={styles.grid}>
        <SideEffectsPanel conversation={c} onRetry={retry} retrying={retrying} />
        {cancelled ? null : (
          <Panel title={t('conversation.deadlineTitle')}>
            <DeadlineText deadline={c.deadline} />
          </Panel>
        )}
        <ParticipantsTable conversation={c} />
        {c.permissions.participant && c.status !== 'draft' && !cancelled ? (
          <section id="section-reflection" tabIndex={-1} className={styles.wide} style={first('reflection')}>
            <ReflectionRoundsPanel api={api} conversation={c} />
          </section>
        ) : null}
        {c.permissions.participant && !cancelled ? (
          <section id="section-preparation" tabIndex={-1} style={first('preparation')}>
            <PreparationPanel api={api} conversationId={c.id} />
          </section>
        ) : null}
        {c.permissions.evaluation ? (
          <section id="section-evaluation" tabIndex={-1} style={first('evaluation')}>
            <EvaluationPanel api={api} conversationId={c.id} />
          </section>
        ) : null}
        {cancelled ? null : (
          <div className={styles.wide}>
            <RequirementsPanel api={api} conversation={c} onChanged={setConversation} />
          </div>
        )}
        {c.permissions.managePlan && !cancelled ? (
          <div className={styles.wide}>
            <SchoolPlanPanel api={api} conversation={c} onChanged={() => void load()} />
          </div>
        ) : null}
        {cancelled ? null : (
          <section id="section-followUp" tabIndex={-1} className={styles.wide} style={first('followUp')}>
            <FollowUpPanel api={api} conversation={c} onChanged={setConversation} />
          </section>
        )}
        {cancelled ? null : (
          <section id="section-schoolPart" tabIndex={-1} className={styles.wide} style={first('schoolPart')}>
            {notice ? (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{notice}</MessageBarBody>
              </MessageBar>
            ) : null}
            <SchoolPartEditor
              key={`${c.id}-${editorKey}`}
              api={api}
              conversation={c}
              onChanged={(updated, message) => {
                setConversation(updated);
                setNotice(message);
                setEditorKey((k) => k + 1);
                void load();
              }}
              onError={() => setNotice(null)}
              onRefresh={() => void load()}
            />
          </section>
        )}
        <AgendaTable conversation={c} className={styles.wide} />
      </div>
    </main>
  );
}
