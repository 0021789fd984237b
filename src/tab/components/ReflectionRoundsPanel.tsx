import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, MessageBar, MessageBarActions, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate, formatTime } from '../format.js';
import type { ApiClient } from '../api-client.js';
import type { ConversationDetails } from '../../api/conversation.js';
import type { ReflectionRoundView } from '../../api/chat-results.js';
import { useI18n } from '../i18n.js';
import { ErrorMessage } from './ErrorMessage.js';
import { Panel } from './Panel.js';
import { reflectionRoundsSchema } from '../../api/chat-results.js';

const useStyles = makeStyles({
  round: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  order: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  speaker: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'baseline',
    flexWrap: 'wrap',
    overflowWrap: 'anywhere',
    minWidth: 0,
  },
  missing: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});

const livePollMs = 3000;

/**
 * Reflection rounds: the facilitator starts one on an agenda item, each
 * participant answers in Teams chat, "Vis svar" shows everyone's answers in a
 * speaking order the facilitator can change; closing ends editing.
 */
export function ReflectionRoundsPanel({ api, conversation }: { api: ApiClient; conversation: ConversationDetails }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const [rounds, setRounds] = useState<ReflectionRoundView[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [early, setEarly] = useState<{ key: string; title: string } | null>(null);
  const base = `/conversations/${conversation.id}/reflection-rounds`;

  const load = useCallback(async () => {
    try {
      setRounds((await api.get(base, reflectionRoundsSchema)).rounds);
    } catch (e) {
      setError(e);
    }
  }, [api, base]);

  const live = rounds?.some((r) => r.round.status !== 'closed') ?? false;
  useEffect(() => {
    void load();
    if (!live) return;
    const timer = setInterval(() => void load(), livePollMs);
    return () => clearInterval(timer);
  }, [load, live]);

  const act = async (key: string, method: 'POST' | 'PUT', path: string, body: unknown) => {
    setBusy(key);
    setError(null);
    try {
      setRounds((await api.send(method, path, body, reflectionRoundsSchema)).rounds);
    } catch (e) {
      setError(e);
      void load();
    } finally {
      setBusy(null);
    }
  };

  if (!conversation.permissions.participant) return null;
  const withQuestions = conversation.agenda.filter((i) => i.reflectionQuestions.length > 0);
  const facilitate = conversation.permissions.facilitate;
  // A round started long before the meeting sends cards to everyone now: ask first (15 minutes' grace to get ready).
  const longBeforeMeeting = Date.parse(conversation.startsAt) - Date.parse(conversation.serverNow) > 15 * 60_000;
  const start = (key: string, title: string) => {
    if (longBeforeMeeting && early?.key !== key) return setEarly({ key, title });
    setEarly(null);
    void act(`start-${key}`, 'POST', base, { itemKey: key });
  };
  const move = (r: ReflectionRoundView, index: number, by: -1 | 1) => {
    const order = [...r.round.speakingOrder];
    const [moved] = order.splice(index, 1);
    order.splice(index + by, 0, moved!);
    void act(`order-${r.round.id}`, 'PUT', `${base}/${r.round.id}/speaking-order`, { version: r.version, order });
  };

  return (
    <Panel title={t('reflection.title')}>
      <Text size={200}>{t('reflection.intro')}</Text>
      {facilitate && withQuestions.length > 0 ? (
        <div className={styles.actions}>
          {withQuestions.map((item) => {
            const running = rounds?.some((r) => r.round.itemKey === item.key && r.round.status !== 'closed');
            return (
              <Button
                key={item.key}
                disabled={Boolean(running) || busy !== null}
                onClick={() => start(item.key, `${item.number}. ${item.title}`)}
              >
                {t('reflection.start', { item: `${item.number}. ${item.title}` })}
              </Button>
            );
          })}
        </div>
      ) : null}
      {early ? (
        <MessageBar intent="warning" role="alert" layout="multiline" data-testid="round-early">
          <MessageBarBody>
            {t('reflection.early', {
              item: early.title,
              when: t('conversation.when', {
                date: formatDate(conversation.startsAt, locale),
                time: formatTime(conversation.startsAt, locale),
              }),
            })}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => start(early.key, early.title)}>
              {t('reflection.startAnyway')}
            </Button>
            <Button onClick={() => setEarly(null)} autoFocus>
              {t('reflection.wait')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {rounds === null ? <Text>{t('loading')}</Text> : null}
      {rounds?.length === 0 ? <Text>{t('reflection.empty')}</Text> : null}
      {[...(rounds ?? [])].reverse().map((r) => {
        const answersByUpn = new Map(r.answers.map((a) => [a.upn.toLowerCase(), a]));
        const names = new Map([...r.answers, ...r.notAnswered].map((p) => [p.upn.toLowerCase(), p.displayName]));
        return (
          <section key={r.round.id} className={styles.round} aria-label={r.itemTitle} data-round={r.round.id}>
            <Text weight="semibold">
              {r.itemTitle}{' '}
              <Badge appearance="tint" data-testid="round-status">
                {t(`reflection.status.${r.round.status}`)}
              </Badge>
            </Text>
            {r.questions.map((q) => (
              <Text key={q} size={200}>
                {q}
              </Text>
            ))}
            <Text role="status" data-testid="answered">
              {t('reflection.answered', { count: r.answeredCount, total: r.round.invitedUpns.length })}
              {r.delivery.pending > 0 ? ` · ${t('reflection.sending', { count: r.delivery.pending })}` : ''}
              {r.delivery.failed > 0 ? ` · ${t('reflection.notDelivered', { count: r.delivery.failed })}` : ''}
            </Text>
            {r.notAnswered.length > 0 ? (
              <Text size={200}>{t('reflection.missing', { names: r.notAnswered.map((n) => n.displayName).join(', ') })}</Text>
            ) : null}
            {r.round.status === 'open' && r.answers.length > 0 ? (
              <Text size={200}>{t('reflection.ownAnswer', { text: r.answers[0]!.text })}</Text>
            ) : null}
            {r.round.status !== 'open' ? (
              <ol className={styles.order} aria-label={t('reflection.order')}>
                {r.round.speakingOrder.map((upn, index) => {
                  const answer = answersByUpn.get(upn.toLowerCase());
                  const name = names.get(upn.toLowerCase()) ?? upn;
                  return (
                    <li key={upn} data-speaker={upn}>
                      <div className={styles.speaker}>
                        <Text weight="semibold">{name}</Text>
                        {answer ? <Text>{answer.text}</Text> : <Text className={styles.missing}>{t('reflection.noAnswer')}</Text>}
                        {facilitate && r.round.status === 'revealed' ? (
                          <>
                            <Button
                              size="small"
                              appearance="subtle"
                              disabled={index === 0 || busy !== null}
                              aria-label={t('reflection.moveUp', { name })}
                              onClick={() => move(r, index, -1)}
                            >
                              ↑
                            </Button>
                            <Button
                              size="small"
                              appearance="subtle"
                              disabled={index === r.round.speakingOrder.length - 1 || busy !== null}
                              aria-label={t('reflection.moveDown', { name })}
                              onClick={() => move(r, index, 1)}
                            >
                              ↓
                            </Button>
                          </>
                        ) : null}
                      </div>
                    </li>
                  );
                })}
              </ol>
            ) : null}
            {facilitate && r.round.status !== 'closed' ? (
              <div className={styles.actions}>
                {r.round.status === 'open' ? (
                  <Button
                    appearance="primary"
                    disabled={busy !== null}
                    onClick={() => void act(`reveal-${r.round.id}`, 'POST', `${base}/${r.round.id}/reveal`, { version: r.version })}
                  >
                    {t('reflection.reveal')}
                  </Button>
                ) : null}
                <Button
                  disabled={busy !== null}
                  onClick={() => void act(`close-${r.round.id}`, 'POST', `${base}/${r.round.id}/close`, { version: r.version })}
                >
                  {t('reflection.close')}
                </Button>
              </div>
            ) : null}
          </section>
        );
      })}
      <ErrorMessage error={error} />
    </Panel>
  );
}
