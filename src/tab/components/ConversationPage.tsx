import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Badge,
  MessageBar,
  MessageBarBody,
  Button,
  Link,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
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

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))',
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalL,
  },
  wide: { gridColumn: '1 / -1' },
  links: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** Polls quickly while Microsoft 365 work is under way, slowly otherwise (to pick up invitees' answers). */
const pollDelay = (c: ConversationDetails | null) => (c?.sideEffects.some((s) => s.status !== 'done') ? 1000 : 10_000);

export function ConversationPage({ api, id, navigate }: { api: ApiClient; id: string; navigate: (path: string) => void }) {
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
        {c.links.event ? (
          <Link href={c.links.event} target="_blank">
            {t('conversation.openEvent')}
          </Link>
        ) : null}
        {c.links.join ? (
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
      <div className={styles.links}>
        {c.permissions.changePlan || c.permissions.editItems ? (
          <Button onClick={() => navigate(`/conversations/${c.id}/edit`)}>
            {c.permissions.changePlan ? t('conversation.changePlan') : t('conversation.editItems')}
          </Button>
        ) : null}
        <CancelConversation api={api} conversation={c} onCancelled={setConversation} />
      </div>
      <div className={styles.grid}>
        <SideEffectsPanel conversation={c} onRetry={retry} retrying={retrying} />
        <Panel title={t('conversation.deadlineTitle')}>
          <DeadlineText deadline={c.deadline} />
        </Panel>
        <Panel title={t('conversation.participantsTitle')}>
          <Table size="small" aria-label={t('conversation.participantsTitle')}>
            <TableBody>
              {c.participants.map((p) => (
                <TableRow key={p.upn} data-participant={p.upn}>
                  <TableCell>{p.displayName}</TableCell>
                  <TableCell>{t(`roles.${p.role}`)}</TableCell>
                  <TableCell data-testid="rsvp">
                    {p.invited ? t(`conversation.response.${p.response}`) : t('schoolPart.notInvitedYet')}
                    {p.external ? ` · ${t('schoolPart.guest')}` : ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Panel>
        {c.permissions.participant && c.status !== 'draft' && c.status !== 'cancelled' ? (
          <div className={styles.wide}>
            <ReflectionRoundsPanel api={api} conversation={c} />
          </div>
        ) : null}
        {c.permissions.participant ? <PreparationPanel api={api} conversationId={c.id} /> : null}
        {c.permissions.evaluation ? <EvaluationPanel api={api} conversationId={c.id} /> : null}
        <div className={styles.wide}>
          <RequirementsPanel conversation={c} />
        </div>
        {c.permissions.managePlan ? (
          <div className={styles.wide}>
            <SchoolPlanPanel api={api} conversation={c} onChanged={() => void load()} />
          </div>
        ) : null}
        <div className={styles.wide}>
          <FollowUpPanel api={api} conversation={c} onChanged={setConversation} />
        </div>
        <div className={styles.wide}>
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
        </div>
        <Panel title={t('conversation.agendaTitle')} className={styles.wide}>
          <Table size="small" aria-label={t('conversation.agendaTitle')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: 120 }}>{t('plan.time')}</TableHeaderCell>
                <TableHeaderCell>{t('conversation.agendaTitle')}</TableHeaderCell>
                <TableHeaderCell>{t('plan.minutes')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {c.agenda.map((item) => (
                <TableRow key={item.key}>
                  <TableCell>
                    {formatTime(item.startsAt, locale)}–{formatTime(item.endsAt, locale)}
                  </TableCell>
                  <TableCell>
                    <Text weight="semibold">
                      {item.number}. {item.title}
                    </Text>
                    {item.goal ? (
                      <Text as="p" block size={200}>
                        {item.goal}
                      </Text>
                    ) : null}
                  </TableCell>
                  <TableCell>{item.minutes}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Panel>
      </div>
    </main>
  );
}
