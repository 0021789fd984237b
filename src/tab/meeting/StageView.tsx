import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import { useI18n } from '../i18n.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { clockText, useLiveAgenda } from './use-live-agenda.js';
import { ItemRound } from './ItemRound.js';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalXL, padding: tokens.spacingHorizontalXXL, minHeight: '90vh', alignContent: 'start' },
  clock: { fontSize: '96px', lineHeight: '1.1', fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  overtime: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * The meeting stage, shared by the facilitator: the item on now with a big
 * clock, its reflection questions, and a revealed round's answers in speaking
 * order — the same live state as every side panel.
 */
export function StageView({ api, id }: { api: ApiClient; id: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { agenda, reading, loadError, changes } = useLiveAgenda(api, id);
  if (loadError) return <ErrorMessage error={loadError} />;
  if (!agenda || !reading) return <Spinner label={t('loading')} />;
  const current = reading.current ? agenda.items.find((i) => i.key === reading.current!.key) : null;
  const next = reading.nextKey ? agenda.items.find((i) => i.key === reading.nextKey) : null;
  return (
    <main className={styles.root} data-testid="stage">
      <Text as="h1" id="page-title" tabIndex={-1} size={800} weight="semibold" style={{ margin: 0 }}>
        {current
          ? t('meeting.stageItem', { n: reading.currentIndex + 1, total: agenda.items.length, title: current.title })
          : t(reading.status === 'ended' ? 'meeting.ended' : 'meeting.notStarted')}
      </Text>
      {reading.current ? (
        <Text
          className={reading.current.overtime ? `${styles.clock} ${styles.overtime}` : styles.clock}
          role="timer"
          aria-label={t('meeting.progress')}
          data-testid="stage-clock"
        >
          {reading.current.overtime ? `+${clockText(reading.current.leftMs)}` : clockText(reading.current.leftMs)}
        </Text>
      ) : null}
      {current?.goal ? <Text size={500}>{t('meeting.goal', { goal: current.goal })}</Text> : null}
      {current ? <ItemRound api={api} conversationId={id} item={current} canFacilitate={false} changes={changes} view="stage" /> : null}
      {next ? <Text size={400}>{t('meeting.next', { title: next.title, minutes: next.minutes })}</Text> : null}
    </main>
  );
}
