import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ConversationDetails } from '../../api/conversation.js';
import { useI18n } from '../i18n.js';
import { Panel } from './Panel.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  failed: { color: tokens.colorPaletteRedForeground1 },
  done: { color: tokens.colorPaletteGreenForeground1 },
});

/** The Microsoft 365 work behind a conversation, each part with its state; a retry button when one failed. */
export function SideEffectsPanel({
  conversation,
  onRetry,
  retrying,
}: {
  conversation: ConversationDetails;
  onRetry: () => void;
  retrying: boolean;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const unfinished = conversation.sideEffects.some((s) => s.status === 'failed' || s.status === 'retrying');
  return (
    <Panel title={t('conversation.microsoft365')}>
      <ul className={styles.list} aria-live="polite">
        {conversation.sideEffects.map((s) => (
          <li key={s.kind} className={styles.item} data-side-effect={s.kind} data-status={s.status}>
            {s.status === 'pending' ? (
              <Spinner size="extra-tiny" aria-hidden />
            ) : (
              <span aria-hidden>{s.status === 'done' ? '✓' : '!'}</span>
            )}
            <Text>{t(`conversation.sideEffect.${s.kind}`)}:</Text>
            <Text
              className={s.status === 'done' ? styles.done : s.status === 'failed' || s.status === 'retrying' ? styles.failed : undefined}
            >
              {t(`conversation.sideEffectStatus.${s.status}`, { attempts: s.attempts })}
            </Text>
          </li>
        ))}
      </ul>
      {unfinished && conversation.permissions.retry ? (
        <Button onClick={onRetry} disabled={retrying}>
          {t('conversation.retryAll')}
        </Button>
      ) : null}
    </Panel>
  );
}
