import { useEffect, useState } from 'react';
import {
  Badge,
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  SpinButton,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import { useI18n } from '../i18n.js';
import { formatDate, formatTime } from '../format.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import type { LiveAgenda } from '../../api/meeting.js';
import type { AgendaAction, AgendaReading } from '../../domain/agenda-clock.js';
import { clockText, useLiveAgenda } from './use-live-agenda.js';
import { ItemRound } from './ItemRound.js';

const useStyles = makeStyles({
  // One column for the meeting's side panel (320 px): nothing may widen it.
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  card: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  clock: { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold },
  overtime: { color: tokens.colorPaletteRedForeground1 },
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  move: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS },
});

/**
 * The meeting's side panel: the item on now with its goal and time left, the
 * meeting's time left, the next item; for whoever runs the meeting, the
 * controls. Every participant's panel shows the same state, pushed from the
 * server as it changes.
 */
export function LiveAgendaPanel({
  api,
  id,
  shareToStage,
}: {
  api: ApiClient;
  id: string;
  /** Teams' "share to stage", when the panel runs in a meeting that offers it. */
  shareToStage: ((url: string) => Promise<void>) | null;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const { agenda, live, reading, connected, loadError, changes, act } = useLiveAgenda(api, id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');

  const current = agenda && reading?.current ? agenda.items.find((i) => i.key === reading.current!.key) : null;
  // Screen readers hear the item change, not every second of the countdown.
  useEffect(() => {
    if (current) setAnnouncement(t('meeting.nowOn', { title: current.title }));
  }, [current?.key]); // eslint-disable-line react-hooks/exhaustive-deps

  if (loadError) return <ErrorMessage error={loadError} />;
  if (!agenda || !live || !reading) return <Spinner label={t('loading')} />;

  const run = async (action: AgendaAction) => {
    setBusy(true);
    setError(null);
    try {
      await act(action);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const status = live.run.status;
  const next = reading.nextKey ? agenda.items.find((i) => i.key === reading.nextKey) : null;
  const position = reading.currentIndex + 1;

  return (
    <div className={styles.root}>
      <div className={styles.head}>
        <Text as="h1" id="page-title" tabIndex={-1} size={500} weight="semibold" style={{ margin: 0 }}>
          {t('meeting.title', { school: agenda.schoolName })}
        </Text>
        <Badge appearance="tint" color={status === 'running' ? 'brand' : 'informative'} data-testid="run-status">
          {t(`meeting.status.${status}`)}
        </Badge>
      </div>
      <div role="status" aria-live="polite" style={{ position: 'absolute', left: '-10000px' }}>
        {announcement}
      </div>
      {!connected ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('meeting.reconnecting')}</MessageBarBody>
        </MessageBar>
      ) : null}

      {current && reading.current ? (
        <section className={styles.card} aria-labelledby="current-item" data-testid="current-item">
          <Text size={200}>{t('meeting.position', { n: position, total: agenda.items.length })}</Text>
          <Text as="h2" id="current-item" size={500} weight="semibold" style={{ margin: 0 }}>
            {current.title}
          </Text>
          {current.goal ? <Text>{t('meeting.goal', { goal: current.goal })}</Text> : null}
          <Text className={reading.current.overtime ? `${styles.clock} ${styles.overtime}` : styles.clock} data-testid="item-clock">
            {reading.current.overtime
              ? t('meeting.overtime', { time: clockText(reading.current.leftMs) })
              : t('meeting.left', { time: clockText(reading.current.leftMs) })}
          </Text>
          <ProgressBar
            aria-label={t('meeting.progress')}
            value={Math.min(1, reading.current.elapsedMs / Math.max(1, reading.current.plannedMs))}
            color={reading.current.overtime ? 'error' : 'brand'}
          />
          <Text size={200}>{t('meeting.planned', { minutes: Math.round(reading.current.plannedMs / 60_000) })}</Text>
        </section>
      ) : (
        <Text>{t(status === 'ended' ? 'meeting.ended' : 'meeting.notStarted')}</Text>
      )}

      {status === 'notStarted' ? (
        <Text data-testid="meeting-left">
          {t('meeting.scheduled', {
            date: formatDate(agenda.startsAt, locale),
            time: `${formatTime(agenda.startsAt, locale)}–${formatTime(agenda.endsAt, locale)}`,
          })}
        </Text>
      ) : (
        <MeetingTime reading={reading} locale={locale} />
      )}
      {next ? (
        <Text data-testid="next-item">{t('meeting.next', { title: next.title, minutes: live.run.minutes[next.key] ?? next.minutes })}</Text>
      ) : null}

      {agenda.canDrive ? (
        <section className={styles.controls} aria-label={t('meeting.controls')}>
          {status === 'notStarted' ? (
            <Button appearance="primary" disabled={busy} onClick={() => void run({ kind: 'start' })}>
              {t('meeting.start')}
            </Button>
          ) : null}
          {status === 'running' || status === 'paused' ? (
            <>
              <Button
                appearance="primary"
                disabled={busy || !current}
                onClick={() => current && void run({ kind: 'next', fromItemKey: current.key })}
              >
                {next ? t('meeting.nextItem') : t('meeting.finishLast')}
              </Button>
              {status === 'running' ? (
                <Button disabled={busy} onClick={() => void run({ kind: 'pause' })}>
                  {t('meeting.pause')}
                </Button>
              ) : (
                <Button disabled={busy} onClick={() => void run({ kind: 'resume' })}>
                  {t('meeting.resume')}
                </Button>
              )}
              <Button disabled={busy} onClick={() => void run({ kind: 'end' })}>
                {t('meeting.end')}
              </Button>
            </>
          ) : null}
        </section>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {agenda.canDrive && status !== 'ended' ? (
        <MoveMinutes agenda={agenda} reading={reading} minutes={live.run.minutes} onMove={run} />
      ) : null}

      {current ? (
        <ItemRound api={api} conversationId={id} item={current} canFacilitate={agenda.canFacilitate} changes={changes} view="panel" />
      ) : null}

      {shareToStage ? (
        <Button onClick={() => void shareToStage(`${location.origin}/#/stage/${id}`).catch(setError)}>{t('meeting.shareToStage')}</Button>
      ) : null}
      <Link href={`#/conversations/${id}`}>{t('meeting.openConversation')}</Link>
    </div>
  );
}

function MeetingTime({ reading, locale }: { reading: AgendaReading & { endsAt: Date }; locale: 'da' | 'en' }) {
  const { t } = useI18n();
  const minutes = (ms: number) => Math.round(Math.abs(ms) / 60_000);
  return (
    <div>
      <Text block data-testid="meeting-left">
        {reading.meetingLeftMs >= 0
          ? t('meeting.meetingLeft', { minutes: minutes(reading.meetingLeftMs), end: formatTime(reading.endsAt.toISOString(), locale) })
          : t('meeting.meetingOver', { minutes: minutes(reading.meetingLeftMs), end: formatTime(reading.endsAt.toISOString(), locale) })}
      </Text>
      {reading.status === 'running' || reading.status === 'paused' ? (
        <Text block size={200} data-testid="slack">
          {Math.abs(reading.slackMs) < 60_000
            ? t('meeting.onTime')
            : reading.slackMs < 0
              ? t('meeting.behind', { minutes: minutes(reading.slackMs) })
              : t('meeting.ahead', { minutes: minutes(reading.slackMs) })}
        </Text>
      ) : null}
    </div>
  );
}

/** "Flyt minutter": from the item on now or one still to come, to another. */
function MoveMinutes({
  agenda,
  reading,
  minutes,
  onMove,
}: {
  agenda: LiveAgenda;
  reading: AgendaReading;
  minutes: Record<string, number>;
  onMove: (action: AgendaAction) => Promise<void>;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const ahead = agenda.items.slice(reading.status === 'notStarted' ? 0 : reading.currentIndex);
  const [from, setFrom] = useState(ahead[ahead.length - 2]?.key ?? '');
  const [to, setTo] = useState(ahead[0]?.key ?? '');
  const [amount, setAmount] = useState(5);
  if (ahead.length < 2) return null;
  const label = (key: string) => {
    const item = agenda.items.find((i) => i.key === key)!;
    return t('meeting.moveOption', { number: agenda.items.indexOf(item) + 1, title: item.title, minutes: minutes[key] ?? item.minutes });
  };
  return (
    <details>
      <summary>{t('meeting.moveTitle')}</summary>
      <div className={styles.move}>
        <Field label={t('meeting.moveFrom')}>
          <Select value={from} onChange={(_e, d) => setFrom(d.value)}>
            {ahead.map((i) => (
              <option key={i.key} value={i.key}>
                {label(i.key)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('meeting.moveTo')}>
          <Select value={to} onChange={(_e, d) => setTo(d.value)}>
            {ahead.map((i) => (
              <option key={i.key} value={i.key}>
                {label(i.key)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('meeting.moveMinutes')}>
          <SpinButton min={1} max={240} value={amount} onChange={(_e, d) => setAmount(Number(d.value ?? d.displayValue) || 1)} />
        </Field>
        <Button onClick={() => void onMove({ kind: 'moveMinutes', fromItemKey: from, toItemKey: to, minutes: amount })}>
          {t('meeting.move')}
        </Button>
      </div>
    </details>
  );
}
