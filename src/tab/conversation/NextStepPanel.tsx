import { Button, Link, Text, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import type { ConversationDetails } from '../../api/conversation.js';
import { useI18n, type TextKey } from '../i18n.js';
import { formatDate, formatTime } from '../format.js';
import { Panel } from '../components/Panel.js';
import { currentStep, cycleSteps, nextStep, type Section } from './next-step.js';

const useStyles = makeStyles({
  steps: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    listStyle: 'none',
    padding: 0,
    margin: 0,
  },
  step: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
  },
  done: { color: tokens.colorPaletteGreenForeground1, ...shorthands.borderColor(tokens.colorPaletteGreenBorder1) },
  current: {
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
    ...shorthands.borderColor(tokens.colorBrandBackground),
    fontWeight: tokens.fontWeightSemibold,
  },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  action: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

const deadlineKeys = new Set(['leaderSchoolPart', 'leadWaiting', 'leadWaitingOverdue']);

/**
 * The top of the conversation page: where the yearly cycle stands (a stepper
 * a screen reader reads as "Trin 2 af 5 … nuværende trin") and what this
 * person should do now, with a button to that part of the page.
 */
export function NextStepPanel({
  conversation,
  now,
  onGo,
}: {
  conversation: ConversationDetails;
  now: Date;
  onGo: (section: Section) => void;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const step = currentStep(conversation);
  const next = nextStep(conversation, now);
  // Deadlines are days; meetings are a day and a time.
  const when = (iso: string) =>
    next && deadlineKeys.has(next.key)
      ? formatDate(iso, locale)
      : t('conversation.when', { date: formatDate(iso, locale), time: formatTime(iso, locale) });
  return (
    <Panel title={t('conversation.next.title')}>
      <ol className={styles.steps} aria-label={t('conversation.steps.label')}>
        {cycleSteps.map((s, index) => (
          <li
            key={s}
            className={mergeClasses(styles.step, index < step && styles.done, index === step && styles.current)}
            aria-current={index === step ? 'step' : undefined}
            data-step={s}
          >
            <span aria-hidden="true">{index < step ? '✓' : index + 1}</span>
            <span>{t(`conversation.steps.${s}`)}</span>
            <span className={styles.srOnly}>
              {`, ${t('conversation.steps.position', { n: index + 1, total: cycleSteps.length })}${
                index === step ? `, ${t('conversation.steps.current')}` : index < step ? `, ${t('conversation.steps.done')}` : ''
              }`}
            </span>
          </li>
        ))}
      </ol>
      {next ? (
        <div className={styles.action} data-next-step={next.key}>
          <Text weight="semibold">{t(`conversation.next.${next.key}` as TextKey, { date: next.date ? when(next.date) : '' })}</Text>
          {next.section === 'join' && conversation.links.join ? (
            <Link href={conversation.links.join} target="_blank">
              {t('conversation.next.go.join')}
            </Link>
          ) : next.section ? (
            <Button appearance="primary" onClick={() => onGo(next.section!)}>
              {t(`conversation.next.go.${next.section}` as TextKey)}
            </Button>
          ) : null}
        </div>
      ) : null}
    </Panel>
  );
}
